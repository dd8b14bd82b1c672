package dev.topo.lsp;

import dev.topo.check.Cancellation;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Entity;
import dev.topo.model.Span;
import dev.topo.model.EntityKind;
import dev.topo.model.Load;
import dev.topo.model.Namespace;
import dev.topo.model.OsFamily;
import dev.topo.model.Requirement;
import dev.topo.syntax.CursorContext;
import dev.topo.syntax.CursorContext.Block;
import dev.topo.syntax.Placement;
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

  static final List<String> RUNTIMES = List.of("docker", "containerd", "cri-o", "podman");
  static final List<String> HYPERVISORS = List.of("kvm", "xen", "hyper-v", "esxi", "virtualbox");
  static final List<String> LANGUAGES = List.of("java", "go", "python", "csharp", "javascript", "typescript", "rust");
  /** Statements in the order a block is usually written: properties, then nested blocks. */
  static final List<String> ORDER = List.of("import", "host", "cluster", "os", "cpu", "memory", "hypervisor",
      "runtime", "image", "privileged", "share", "library", "nodes", "replicas", "language", "requires", "load",
      "vm", "container", "pod", "module");
  private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "node_modules", "target", ".idea", ".vscode");

  private final Session session;
  private final Session.Snapshot snapshot;
  private final Program program;
  private final CursorContext context;
  private final Range range;
  private final boolean snippets;
  private final String locale;
  private final List<CompletionItem> items = new ArrayList<>();

  private CompletionFeature(Session session, Session.Snapshot snapshot, CursorContext context, int offset,
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
  public static CompletionList complete(Session session, Session.Snapshot snapshot, Position position,
      boolean snippets, Cancellation cancel) {
    return complete(session, snapshot, position, snippets, null, cancel);
  }

  /**
   * The completions at a position, asked for by typing a trigger character (null when the
   * user asked, or typed a word). The triggers are those of paths, so typed anywhere but in
   * a string (the first '/' of a comment, say) they bring nothing up.
   */
  public static CompletionList complete(Session session, Session.Snapshot snapshot, Position position,
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
        if ("import".equals(context.keyword())) {
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
  static CursorContext context(Session.Snapshot snapshot, String text, int offset) {
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
    Set<String> allowed = Placement.allowedIn(kind);
    for (String keyword : ORDER) {
      if (!allowed.contains(keyword)) {
        continue;
      }
      boolean given = block != null && block.given().contains(keyword);
      if ((given && !Placement.isRepeatable(keyword)) || (keyword.equals("import") && context.declarationsBefore())) {
        continue;
      }
      boolean isBlock = isBlockKeyword(keyword);
      CompletionItem item = item(keyword, isBlock && snippets ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
          snippets ? template(keyword) : keyword + " ", snippets);
      item.setSortText(String.format(Locale.ROOT, "%02d", ORDER.indexOf(keyword)));
      if (snippets && isBlock) {
        item.setInsertTextMode(InsertTextMode.AsIs); // the snippet carries its own indentation
      }
      document(item, keyword);
      items.add(item);
    }
  }

  private static boolean isBlockKeyword(String keyword) {
    return Stream.of(EntityKind.values()).anyMatch(k -> k.keyword().equals(keyword));
  }

  /** The snippet a statement is inserted as: its keyword, placeholders for its values. */
  private String template(String keyword) {
    String inner = indentation() + "  ";
    String close = "\n" + indentation() + "}";
    String body = switch (keyword) {
      case "import" -> "import \"$1\"";
      case "host" -> "host ${1:name} {\n" + inner + "os " + choice(2, OsFamily.words()) + "\n" + inner + "cpu ${3:8}\n"
          + inner + "memory ${4:32GiB}\n" + inner + "$0" + close;
      case "vm" -> "vm ${1:name} {\n" + inner + "os " + choice(2, OsFamily.words()) + "\n" + inner + "cpu ${3:4}\n"
          + inner + "memory ${4:8GiB}\n" + inner + "$0" + close;
      case "container" -> "container ${1:name} {\n" + inner + "os " + choice(2, families(kernelFamily(true))) + "\n"
          + inner + "image \"${3:registry/name}:${4:1.0.0}\"\n" + inner + "cpu ${5:1}\n" + inner + "memory ${6:1GiB}\n"
          + inner + "$0" + close;
      case "cluster" -> "cluster ${1:name} {\n" + inner + "nodes " + nodeChoice(2) + "\n" + inner + "$0" + close;
      case "pod" -> "pod ${1:name} {\n" + inner + "replicas ${2:2}\n" + inner + "$0" + close;
      case "module" -> "module ${1:name} {\n" + inner + "language ${2:java}\n" + inner + "load "
          + choice(3, Load.words()) + "\n" + inner + "$0" + close;
      case "os" -> "os " + choice(1, families(kernelFamily(false)));
      case "cpu" -> "cpu ${1:2}";
      case "memory" -> "memory ${1:4GiB}";
      case "hypervisor" -> "hypervisor " + choice(1, HYPERVISORS);
      case "runtime" -> "runtime " + choice(1, RUNTIMES);
      case "library" -> "library ${1:name} \"${2:1.0}\"";
      case "image" -> "image \"${1:registry/name}:${2:1.0.0}\"";
      case "privileged" -> "privileged " + choice(1, List.of("false", "true"));
      case "share" -> "share " + choice(1, Namespace.words());
      case "nodes" -> "nodes " + nodeChoice(1);
      case "replicas" -> "replicas ${1:2}";
      case "language" -> "language ${1:java}";
      case "requires" -> "requires ${1:library} \"${2:>=1.0}\"";
      case "load" -> "load " + choice(1, Load.words());
      default -> keyword + " ";
    };
    return body;
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

  private void values() {
    String keyword = context.keyword();
    if (keyword == null) {
      return;
    }
    boolean first = context.argument() == 0;
    switch (keyword) {
      case "os" -> {
        if (first) {
          osFamilies();
        }
      }
      case "runtime" -> {
        if (first) {
          words(RUNTIMES, CompletionItemKind.Value, "container runtime");
        }
      }
      case "hypervisor" -> {
        if (first) {
          words(HYPERVISORS, CompletionItemKind.Value, "hypervisor");
        }
      }
      case "privileged" -> {
        if (first) {
          words(List.of("false", "true"), CompletionItemKind.Value, null);
        }
      }
      case "load" -> {
        if (first) {
          words(Load.words(), CompletionItemKind.EnumMember, "load");
        }
      }
      case "language" -> {
        if (first) {
          languages();
        }
      }
      case "share" -> namespaces();
      case "nodes" -> nodeNames();
      case "requires" -> {
        if (first) {
          libraries();
        }
      }
      default -> { }
    }
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
        return Optional.ofNullable(b.value("os")).filter(w -> OsFamily.fromWord(w).isPresent());
      }
      if (b.kind() == EntityKind.CLUSTER) {
        Set<String> families = new LinkedHashSet<>();
        for (String node : b.values().getOrDefault("nodes", List.of())) {
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

  private void languages() {
    Set<String> languages = new TreeSet<>(LANGUAGES);
    program.forEachEntity(e -> e.properties().language().flatMap(l -> l.known()).ifPresent(languages::add));
    words(List.copyOf(languages), CompletionItemKind.Value, "language");
  }

  private void namespaces() {
    for (String namespace : Namespace.words()) {
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
      item.setDetail(where.isEmpty() ? "library" : "not provided by " + where);
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
