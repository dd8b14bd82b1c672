package dev.topo.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.SymbolTag;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

/** The outline symbols and lenses written field by field are, character for character, what LSP4J's reflective Gson writes. */
class ProtocolJsonTest {
  private static final Gson REFLECTIVE = new MessageJsonHandler(Map.of()).getGson();
  /** What a JSON string escapes, HTML's characters among them (Gson escapes those by default), and text beyond ASCII. */
  private static final String ESCAPED = "<&> 'x=1' \"quoted\" \\ \t \n \r \b \f \u2028 \u2029 \u0001 \u001f \u007f \ucee8\ud14c\uc774\ub108 \ud83d\ude80";

  private static Range range(int line) {
    return new Range(new Position(line, 2), new Position(line + 40, 1));
  }

  @Test
  void aSymbolWithEveryFieldOrNoneIsWrittenAsGsonWritesIt() {
    DocumentSymbol bare = new DocumentSymbol();
    DocumentSymbol leaf = new DocumentSymbol("c " + ESCAPED, SymbolKind.Package, range(3), range(3));
    DocumentSymbol full = new DocumentSymbol("web", SymbolKind.Class, range(1), range(1), ESCAPED, List.of(leaf, bare));
    full.setTags(List.of(SymbolTag.Deprecated));
    full.setDeprecated(false);
    DocumentSymbol noChildren = new DocumentSymbol("k", SymbolKind.Namespace, range(9), range(9), null, List.of());
    for (DocumentSymbol symbol : List.of(bare, leaf, full, noChildren)) {
      assertEquals(REFLECTIVE.toJson(symbol), ProtocolJson.of(symbol));
    }
  }

  @Test
  void aLensIsWrittenAsGsonWritesIt() {
    Command titled = new Command(ESCAPED, "");
    Command withTooltip = new Command("t", "topo.explain");
    withTooltip.setTooltip(ESCAPED);
    Command withArguments = new Command("t", "topo.explain", List.of("rule", 2));
    List<CodeLens> lenses = List.of(new CodeLens(range(0), titled, null), new CodeLens(range(7), withTooltip, null),
        new CodeLens(range(7), null, null), new CodeLens(), new CodeLens(range(2), withArguments, null),
        new CodeLens(range(2), titled, Map.of("uri", "file:///a.topo")));
    for (CodeLens lens : lenses) {
      assertEquals(REFLECTIVE.toJson(lens), ProtocolJson.of(lens));
    }
  }
}
