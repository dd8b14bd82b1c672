package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.ide.Completion;
import dev.topo.ide.Snapshot;
import dev.topo.model.LineMap;
import java.util.List;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/completion}: the editor layer's {@link Completion} in the protocol's
 * items, each a text edit of the word being typed; the session supplies the files import
 * paths may name, the client whether it inserts snippets.
 */
public final class CompletionFeature {
  /** Typed in an import path, these ask for the next completions at once. */
  public static final List<String> TRIGGER_CHARACTERS = Completion.TRIGGER_CHARACTERS;

  private CompletionFeature() {}

  /**
   * The completions at a position.
   *
   * @param snippets whether the client inserts snippets (placeholders and choices)
   */
  public static CompletionList complete(Session session, Snapshot snapshot, Position position,
      boolean snippets, Cancellation cancel) {
    return complete(session, snapshot, position, snippets, null, cancel);
  }

  /** The completions at a position, asked for by typing a trigger character (null when the user asked, or typed a word). */
  public static CompletionList complete(Session session, Snapshot snapshot, Position position,
      boolean snippets, String trigger, Cancellation cancel) {
    int offset = Positions.offset(snapshot.lines(), position);
    List<Completion.Item> items = Completion.at(snapshot, offset, trigger,
        new Completion.Options(snippets, session.settings().locale()), new SessionTopologyFiles(session), cancel);
    return new CompletionList(false, items.stream().map(item -> item(snapshot.lines(), item)).toList());
  }

  static CompletionItem item(LineMap lines, Completion.Item item) {
    CompletionItem result = new CompletionItem(item.label());
    result.setKind(kind(item.kind()));
    result.setDetail(item.detail());
    if (item.documentation() != null) {
      result.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, item.documentation()));
    }
    result.setTextEdit(Either.forLeft(new TextEdit(Positions.range(lines, item.replaced()), item.newText())));
    result.setInsertTextFormat(item.snippet() ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
    result.setSortText(item.sortText());
    if (item.preselect()) {
      result.setPreselect(true);
    }
    if (item.keepIndentation()) {
      result.setInsertTextMode(InsertTextMode.AsIs);
    }
    if (item.suggestAgain()) {
      result.setCommand(new Command("Suggest", "editor.action.triggerSuggest"));
    }
    return result;
  }

  static CompletionItemKind kind(Completion.Kind kind) {
    return switch (kind) {
      case KEYWORD -> CompletionItemKind.Keyword;
      case TEMPLATE -> CompletionItemKind.Snippet;
      case CLOSED_VALUE -> CompletionItemKind.EnumMember;
      case OPEN_VALUE -> CompletionItemKind.Value;
      case NODE -> CompletionItemKind.Reference;
      case LABEL_KEY -> CompletionItemKind.Property;
      case LIBRARY -> CompletionItemKind.Module;
      case FILE -> CompletionItemKind.File;
      case FOLDER -> CompletionItemKind.Folder;
    };
  }
}
