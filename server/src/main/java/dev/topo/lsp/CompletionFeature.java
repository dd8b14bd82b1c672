package dev.topo.lsp;

import dev.topo.ide.EntitySummary;
import dev.topo.ide.Snapshot;
import dev.topo.check.Cancellation;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Entity;
import dev.topo.model.Span;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.OsFamily;
import dev.topo.model.Requirement;
import dev.topo.model.Slot;
import dev.topo.model.Tool;
import dev.topo.syntax.CursorContext;
import dev.topo.syntax.CursorContext.Block;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import dev.topo.workspace.TextDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.InsertTextMode;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * {@code textDocument/completion}, knowing the block the cursor is in: at the start of a
 * statement, the statements that block allows and does not have yet (blocks as snippets
 * with placeholders); after a keyword, its values (OS families, namespaces, runtimes,
 * hypervisors, node names, libraries, loads); inside {@code import "..."}, paths of the
 * workspace's topology files.
 *
 * <p>The context comes from the tokens around the cursor ({@link CursorContext}), because
 * the text being typed rarely parses; the linked program supplies the names to offer.
 */
public final class CompletionFeature {
  /** Typed in an import path, these ask for the next completions at once. */
  public static final List<String> TRIGGER_CHARACTERS = List.of("\"", "/");

  /** A choice among a keyword's words in the vocabulary's snippets: {@code ${2|@os|}}. */
  private static final Pattern CHOICE = Pattern.compile("\\$\\{(\\d+)\\|@([a-z-]+)\\|\\}");
  private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", ".idea", ".vscode");

  private final Session session;
  private final Snapshot snapshot;
  private final Program program;
  private final CursorContext context;
  private final Range range;
  private final boolean snippets;
  private final String locale;
  private final List<CompletionItem> items = new ArrayList<>();

  private CompletionFeature(Session session, Snapshot snapshot, CursorContext context, int offset,
      boolean snippets) {
    this.session = session;
    this.snapshot = snapshot;
    this.program = snapshot.analysis().program();
    this.context = context;
    this.range = new Range(Positions.position(snapshot.lines(), context.replaceStart()),
        Positions.position(snapshot.lines(), offset));
    this.snippets = snippets;
    this.locale = session.settings().locale();
  }

  /**
   * The completions at a position.
   *
   * @param snippets whether the client inserts snippets (placeholders and choices)
   */
  public static CompletionList complete(Session session, Snapshot snapshot, Position position,
      boolean snippets, Cancellation cancel) {
    return complete(session, snapshot, position, snippets, null, cancel);
  }

  /**
   * The completions at a position, asked for by typing a trigger character (null when the
   * user asked, or typed a word). The triggers are those of paths, so typed anywhere but in
   * a string (the first '/' of a comment, say) they bring nothing up.
   */
  public static CompletionList complete(Session session, Snapshot snapshot, Position position,
      boolean snippets, String trigger, Cancellation cancel) {
    cancel.check();
    String text = snapshot.document().text();
    int offset = Positions.offset(snapshot.lines(), position);
    CursorContext context = context(snapshot, text, offset);
    if (trigger != null && TRIGGER_CHARACTERS.contains(trigger) && context.place() != CursorContext.Place.STRING) {
      return new CompletionList(false, List.of());
    }
    CompletionFeature feature = new CompletionFeature(session, snapshot, context, offset, snippets);
    switch (context.place()) {
      case STATEMENT -> feature.statements();
      case VALUE -> feature.values();
      case STRING -> {
        if (Keyword.IMPORT.word().equals(context.keyword())) {
          feature.importPaths();
        }
      }
      case NONE -> { }
    }
    return new CompletionList(false, feature.items);
  }

  /**
   * The cursor's context, read from the stretch between the parsed top-level declarations
   * that end before the cursor and those that start after it; whatever is half-typed lies
   * in that stretch, and nothing outside it changes the answer.
   */
  static CursorContext context(Snapshot snapshot, String text, int offset) {
    int from = 0;
    int to = text.length();
    boolean declarationsBefore = false;
    List<Entity> declarations = snapshot.file().declarations();
    List<Span> before = new java.util.ArrayList<>();
    for (Entity declaration : declarations) {
      Span span = declaration.span();
      // A host hoisted out of a block with a missing '}' lies inside another: not a boundary.
      if (declarations.stream().anyMatch(d -> d != declaration && d.span().contains(span))) {
        continue;
      }
      if (span.end() < offset) {
        before.add(span);
        declarationsBefore = true;
      } else if (span.start() > offset) {
        to = Math.min(to, span.start());
      }
    }
    // The nearest block before the cursor bounds the window only if it ends with its '}' and
    // its braces balance: a block whose '}' is missing may still hold the cursor.
    before.sort(java.util.Comparator.comparingInt(Span::end).reversed());
    for (Span span : before) {
      if (text.charAt(span.end() - 1) == '}' && CursorContext.balanced(text.substring(span.start(), span.end()))) {
        from = span.end();
        break;
      }
    }
    return CursorContext.at(text, offset, from, to, declarationsBefore);
  }

  // ---- statements ----

  private void statements() {
    Block block = context.block();
    if (block != null && block.kind() == null) {
      return; // a brace that opens no known block: nothing is known to belong there
    }
    EntityKind kind = block == null ? null : block.kind();
    for (Keyword keyword : Keyword.allowedStatements(kind)) {
      boolean given = block != null && block.given().contains(keyword.word());
      if ((given && !keyword.repeatable()) || (keyword == Keyword.IMPORT && context.declarationsBefore())) {
        continue;
      }
      boolean isBlock = keyword.form() == Keyword.Form.BLOCK;
      CompletionItem item = item(keyword.word(), isBlock && snippets ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
          snippets ? template(keyword) : keyword.word() + " ", snippets);
      // The vocabulary's order is the order a block is usually written in.
      item.setSortText(String.format(Locale.ROOT, "%02d", keyword.ordinal()));
      if (snippets && isBlock) {
        item.setInsertTextMode(InsertTextMode.AsIs); // the snippet carries its own indentation
      }
      document(item, keyword.knowledgeEntry());
      items.add(item);
    }
  }

  /**
   * The vocabulary's snippet for a statement, its lines indented from the cursor's line and
   * its choices filled: OS families with the kernel's first, node names from the program.
   */
  private String template(Keyword keyword) {
    String indentation = indentation();
    String text = keyword.snippet().replace("\n", "\n" + indentation).replace("\t", "  ");
    Matcher choice = CHOICE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (choice.find()) {
      int index = Integer.parseInt(choice.group(1));
      String of = choice.group(2);
      String filled;
      if (of.equals(Keyword.NODES.word())) {
        filled = nodeChoice(index);
      } else if (of.equals(Keyword.OS.word())) {
        // Only a container shares the kernel underneath; a VM or host runs its own.
        Optional<String> kernel = keyword == Keyword.CONTAINER ? kernelFamily(true)
            : keyword == Keyword.OS ? kernelFamily(false) : Optional.empty();
        filled = choice(index, families(kernel));
      } else {
        filled = choice(index, Keyword.of(of).orElseThrow().slots().get(0).words());
      }
      choice.appendReplacement(out, Matcher.quoteReplacement(filled));
    }
    choice.appendTail(out);
    return out.toString();
  }

  /** The white space that starts the cursor's line, which the snippet's lines continue. */
  private String indentation() {
    String text = snapshot.document().text();
    int lineStart = snapshot.lines().lineStart(snapshot.lines().line(context.replaceStart()));
    int end = lineStart;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
      end++;
    }
    return text.substring(lineStart, end);
  }

  private static String choice(int index, List<String> options) {
    return "${" + index + "|" + String.join(",", options) + "|}";
  }

  private String nodeChoice(int index) {
    List<String> names = new ArrayList<>(nodes().keySet());
    return names.isEmpty() ? "${" + index + ":node}" : choice(index, names);
  }

  /** The OS families, the one the kernel underneath runs first. */
  private static List<String> families(Optional<String> first) {
    List<String> words = new ArrayList<>(OsFamily.words());
    first.ifPresent(f -> {
      words.remove(f);
      words.add(0, f);
    });
    return words;
  }

  // ---- values ----

  /** The values a statement's slot at the cursor takes, by what its vocabulary entry says they are. */
  private void values() {
    Optional<Keyword> keyword = Optional.ofNullable(context.keyword()).flatMap(Keyword::of);
    if (keyword.isEmpty() || keyword.get().slots().isEmpty()) {
      return;
    }
    List<Slot> slots = keyword.get().slots();
    boolean list = slots.get(0).shape() == Slot.Shape.WORD_LIST;
    int index = list ? 0 : context.argument();
    if (index >= slots.size() || (slots.get(index).shape() != Slot.Shape.WORD && !list)) {
      return;
    }
    Slot slot = slots.get(index);
    switch (slot.role()) {
      case OS_FAMILY -> osFamilies();
      case NAMESPACE -> namespaces(slot);
      case REFERENCE -> nodeNames();
      case LIBRARY_REFERENCE -> libraries();
      case PLATFORM -> words(platforms(keyword.get(), slot), CompletionItemKind.Value, slot.label());
      case VALUE -> words(slot.closed(), CompletionItemKind.EnumMember, slot.label());
      default -> { }
    }
  }

  /** The suggested words of a slot, then the others the program already uses for that keyword (not the one being typed). */
  private List<String> platforms(Keyword keyword, Slot slot) {
    int cursor = snapshot.document().lines().offset(range.getEnd().getLine(), range.getEnd().getCharacter());
    Set<String> used = new TreeSet<>();
    program.forEachEntity(e -> e.properties().get(keyword).filter(p -> !typedAt(p.span(), cursor))
        .flatMap(p -> p.known())
        .ifPresent(value -> used.add(value instanceof Tool tool ? tool.name() : String.valueOf(value))));
    List<String> words = new ArrayList<>(slot.suggested());
    used.stream().filter(w -> !words.contains(w)).forEach(words::add);
    return words;
  }

  private void osFamilies() {
    Optional<String> kernel = kernelFamily(false);
    for (String family : families(kernel)) {
      CompletionItem item = item(family, CompletionItemKind.EnumMember, family, false);
      if (kernel.isPresent() && kernel.get().equals(family)) {
        item.setDetail("the family of the kernel underneath");
        item.setPreselect(true);
      } else {
        item.setDetail("OS family");
      }
      item.setSortText(order());
      items.add(item);
    }
  }

  /**
   * The OS family of the kernel a container at the cursor would share: its host's or VM's
   * {@code os}, or that of its cluster's nodes when they agree. Empty elsewhere.
   *
   * @param inBlock whether the container is about to be declared in the block at the
   *     cursor (a snippet) rather than being the block at the cursor
   */
  private Optional<String> kernelFamily(boolean inBlock) {
    List<Block> blocks = context.blocks();
    int i = blocks.size() - 1;
    if (!inBlock) {
      if (i < 0 || blocks.get(i).kind() != EntityKind.CONTAINER) {
        return Optional.empty();
      }
      i--;
    }
    for (; i >= 0; i--) {
      Block b = blocks.get(i);
      if (b.kind() == EntityKind.HOST || b.kind() == EntityKind.VM) {
        return Optional.ofNullable(b.value(Keyword.OS.word())).filter(w -> OsFamily.fromWord(w).isPresent());
      }
      if (b.kind() == EntityKind.CLUSTER) {
        Set<String> families = new LinkedHashSet<>();
        for (String node : b.values().getOrDefault(Keyword.NODES.word(), List.of())) {
          program.node(node).flatMap(n -> n.properties().osFamily()).ifPresent(f -> families.add(f.word()));
        }
        return families.size() == 1 ? Optional.of(families.iterator().next()) : Optional.empty();
      }
    }
    return Optional.empty();
  }

  private void words(List<String> words, CompletionItemKind kind, String detail) {
    for (String word : words) {
      CompletionItem item = item(word, kind, word, false);
      item.setDetail(detail);
      item.setSortText(order());
      items.add(item);
    }
  }

  private void namespaces(Slot slot) {
    for (String namespace : slot.closed()) {
      if (context.listed().contains(namespace)) {
        continue;
      }
      CompletionItem item = item(namespace, CompletionItemKind.EnumMember, namespace, false);
      document(item, namespace);
      item.setSortText(order());
      items.add(item);
    }
  }

  /** The hosts and VMs of the program, by name, first declaration kept. */
  private Map<String, Entity> nodes() {
    Map<String, Entity> nodes = new LinkedHashMap<>();
    program.forEachEntity(e -> {
      if ((e.kind() == EntityKind.HOST || e.kind() == EntityKind.VM) && !e.name().text().isEmpty()) {
        nodes.putIfAbsent(e.name().text(), e);
      }
    });
    return nodes;
  }

  private void nodeNames() {
    for (Map.Entry<String, Entity> node : nodes().entrySet()) {
      if (context.listed().contains(node.getKey())) {
        continue;
      }
      Entity e = node.getValue();
      CompletionItem item = item(node.getKey(), CompletionItemKind.Reference, node.getKey(), false);
      String os = e.properties().osFamily().map(OsFamily::word).orElse("os unknown");
      String cpu = e.properties().cpuValue().map(c -> Capacity.cores(c) + " cpu").orElse("cpu ?");
      String memory = e.properties().memoryValue().map(q -> Capacity.bytes(q.bytes())).orElse("memory ?");
      String file = e.span().source().equals(snapshot.document().uri()) ? ""
          : " · " + EntitySummary.relative(snapshot.document().uri(), e.span().source());
      item.setDetail(e.kind().keyword() + " · " + os + " · " + cpu + ", " + memory + file);
      item.setSortText(order());
      items.add(item);
    }
  }

  /** Library names: those the module's environment provides first, then every other the program knows. */
  private void libraries() {
    Block block = context.block();
    Block environment = block != null && block.kind() == EntityKind.MODULE ? context.outer(1) : null;
    Map<String, String> provided = environment == null || environment.kind() == null ? Map.of() : environment.libraries();
    String where = environment == null || environment.kind() == null ? ""
        : environment.kind().keyword() + " '" + environment.name() + "'";
    for (Map.Entry<String, String> library : provided.entrySet()) {
      String version = library.getValue();
      CompletionItem item = library(library.getKey(), majorOf(version));
      item.setDetail("provided by " + where + ": " + version);
      item.setSortText("0" + library.getKey());
      item.setPreselect(items.isEmpty());
      items.add(item);
    }
    // Names from the whole program, but not from the statement being typed: the parser may
    // have taken the next line's first word for its library.
    int cursor = snapshot.document().lines().offset(range.getEnd().getLine(), range.getEnd().getCharacter());
    Set<String> others = new TreeSet<>();
    program.forEachEntity(e -> {
      e.libraries().stream().filter(l -> !typedAt(l.span(), cursor)).forEach(l -> others.add(l.name().text()));
      e.requirements().stream().filter(r -> !typedAt(r.span(), cursor))
          .map(Requirement::library).forEach(n -> others.add(n.text()));
    });
    others.removeAll(provided.keySet());
    others.remove("");
    for (String name : others) {
      CompletionItem item = library(name, "");
      item.setDetail(where.isEmpty() ? Keyword.LIBRARY.word() : "not provided by " + where);
      item.setSortText("1" + name);
      items.add(item);
    }
  }

  private CompletionItem library(String name, String range) {
    boolean snippet = snippets && !context.stringFollows();
    String text = snippet ? name + " \"${1:" + escape(range) + "}\"" : name;
    return item(name, CompletionItemKind.Module, text, snippet);
  }

  /** "17" of "17.0.9": a bare major version matches every release of it. */
  private static String majorOf(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? version : version.substring(0, end);
  }

  // ---- import paths ----

  /**
   * The next segment of a path relative to this file: .topo files of the workspace (on disk
   * or open) and the folders that lead to them. Only the segment being typed is replaced.
   */
  private void importPaths() {
    URI uri = snapshot.document().uri();
    if (!"file".equals(uri.getScheme())) {
      return;
    }
    String typed = context.prefix();
    int slash = typed.lastIndexOf('/');
    String folderPart = typed.substring(0, slash + 1);
    Range segment = new Range(Positions.position(snapshot.lines(), context.replaceStart() + slash + 1), range.getEnd());
    Path self;
    Path folder;
    try {
      self = Path.of(uri).normalize();
      folder = self.getParent().resolve(folderPart).normalize();
    } catch (RuntimeException e) {
      return; // a path that names no folder
    }
    Set<Path> known = new TreeSet<>();
    Stream.concat(session.workspaceFiles().stream(), session.documents().all().stream().map(TextDocument::uri))
        .filter(u -> "file".equals(u.getScheme()) && u.getPath() != null && u.getPath().endsWith(".topo"))
        .forEach(u -> known.add(Path.of(u).normalize()));
    // The disk is read only inside the workspace (or, with none, below this file's folder):
    // a path typed as "/" must not walk the machine.
    URI root = session.rootOf(uri);
    Path limit = root != null && "file".equals(root.getScheme()) ? Path.of(root).normalize() : self.getParent();
    if (folder.startsWith(limit)) {
      known.addAll(topologyFilesIn(folder));
    }
    known.remove(self);

    Set<String> files = new TreeSet<>();
    Set<String> folders = new TreeSet<>();
    boolean outside = false;
    for (Path file : known) {
      if (!file.startsWith(folder)) {
        outside = true;
        continue;
      }
      Path rel = folder.relativize(file);
      if (rel.getNameCount() == 1) {
        files.add(rel.toString());
      } else if (!SKIPPED_FOLDERS.contains(rel.getName(0).toString())) {
        folders.add(rel.getName(0).toString());
      }
    }
    for (String file : files) {
      CompletionItem item = pathItem(file, CompletionItemKind.File, segment);
      item.setDetail(folderPart + file);
      item.setSortText("0" + file);
      items.add(item);
    }
    for (String name : folders) {
      CompletionItem item = pathItem(name + "/", CompletionItemKind.Folder, segment);
      item.setSortText("1" + name);
      again(item);
      items.add(item);
    }
    if (outside && root != null && folder.startsWith(limit) && !folder.equals(limit)) {
      CompletionItem item = pathItem("../", CompletionItemKind.Folder, segment);
      item.setSortText("2");
      again(item);
      items.add(item);
    }
  }

  /**
   * The .topo files on disk in a folder and in its direct subfolders (a file created since
   * the workspace was indexed is offered all the same), without walking deeper.
   */
  private static List<Path> topologyFilesIn(Path folder) {
    List<Path> found = new ArrayList<>();
    for (Path p : list(folder)) {
      if (Files.isDirectory(p) && !SKIPPED_FOLDERS.contains(p.getFileName().toString())) {
        list(p).stream().filter(CompletionFeature::isTopologyFile).findFirst().ifPresent(found::add);
      } else if (isTopologyFile(p)) {
        found.add(p);
      }
    }
    return found;
  }

  private static boolean isTopologyFile(Path p) {
    return p.toString().endsWith(".topo") && Files.isRegularFile(p);
  }

  private static List<Path> list(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(Path::normalize).limit(1000).collect(Collectors.toList());
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private CompletionItem pathItem(String label, CompletionItemKind kind, Range segment) {
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setTextEdit(Either.forLeft(new TextEdit(segment, label)));
    item.setInsertTextFormat(InsertTextFormat.PlainText);
    return item;
  }

  /** After a folder is inserted, its contents are the next thing to choose. */
  private static void again(CompletionItem item) {
    item.setCommand(new Command("Suggest", "editor.action.triggerSuggest"));
  }

  // ---- items ----

  private boolean typedAt(dev.topo.model.Span span, int cursor) {
    return span.source().equals(snapshot.document().uri()) && span.contains(cursor);
  }

  /** A sort text that keeps items in the order they are added. */
  private String order() {
    return String.format(Locale.ROOT, "%04d", items.size());
  }

  private CompletionItem item(String label, CompletionItemKind kind, String newText, boolean snippet) {
    CompletionItem item = new CompletionItem(label);
    item.setKind(kind);
    item.setTextEdit(Either.forLeft(new TextEdit(range, newText)));
    item.setInsertTextFormat(snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
    return item;
  }

  /** The knowledge base's entry for a keyword, in the session's language. */
  private void document(CompletionItem item, String keyword) {
    Optional<Entry> entry = KnowledgeBase.get().entry(keyword, locale);
    entry.ifPresent(e -> {
      item.setDetail(e.title());
      item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, e.markdown()));
    });
  }

  /** Text taken literally inside a snippet placeholder. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
  }
}
