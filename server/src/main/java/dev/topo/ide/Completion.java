package dev.topo.ide;

import dev.topo.check.Cancellation;
import dev.topo.ide.CursorContext.Block;
import dev.topo.knowledge.Entry;
import dev.topo.knowledge.KnowledgeBase;
import dev.topo.model.Arch;
import dev.topo.model.Entity;
import dev.topo.model.EntityKind;
import dev.topo.model.Keyword;
import dev.topo.model.Label;
import dev.topo.model.Located;
import dev.topo.model.Message;
import dev.topo.model.Name;
import dev.topo.model.OsFamily;
import dev.topo.model.Requirement;
import dev.topo.model.Slot;
import dev.topo.model.Span;
import dev.topo.model.Tool;
import dev.topo.workspace.Capacity;
import dev.topo.workspace.Program;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Completion, knowing the block the cursor is in: at the start of a statement, the
 * statements that block allows and does not have yet (blocks as snippets with
 * placeholders); after a keyword, its values (OS families, architectures, namespaces,
 * runtimes, hypervisors, node names, libraries, loads); after {@code label} and
 * {@code select}, the label keys and values the program uses; inside {@code import "..."},
 * paths of the workspace's topology files ({@link ImportPaths}).
 *
 * <p>The context comes from the tokens around the cursor ({@link CursorContext}), because
 * the text being typed rarely parses; the linked program supplies the names to offer.
 */
public final class Completion {
  /** Typed in an import path, these ask for the next completions at once. */
  public static final List<String> TRIGGER_CHARACTERS = List.of("\"", "/");

  /** A choice among a keyword's words in the vocabulary's snippets: {@code ${2|@os|}}. */
  private static final Pattern CHOICE = Pattern.compile("\\$\\{(\\d+)\\|@([a-z-]+)\\|\\}");

  /** What an item is, for the editor's icon. */
  public enum Kind {
    /** A statement's keyword, inserted as a word. */
    KEYWORD,
    /** A block's keyword, inserted as a snippet that writes the block. */
    TEMPLATE,
    /** A word of a closed set: an OS family, a namespace, {@code low}, {@code true}. */
    CLOSED_VALUE,
    /** A suggested word of an open set: a runtime, a hypervisor, a language. */
    OPEN_VALUE,
    /** A host or VM, by name. */
    NODE,
    /** A label's key, after {@code label} or {@code select}. */
    LABEL_KEY,
    LIBRARY,
    FILE,
    FOLDER
  }

  /**
   * One completion.
   *
   * @param detail a line shown beside the label, or null
   * @param documentation markdown, or null
   * @param replaced what the item replaces: from where the word (or path segment) being
   *     typed starts, to the cursor
   * @param snippet whether {@code newText} is a snippet (placeholders, choices) rather than plain text
   * @param sortText the order the items are shown in
   * @param keepIndentation whether {@code newText} is inserted as it is, its lines already
   *     indented from the cursor's line
   * @param suggestAgain whether, once inserted, the next completions are asked for at once
   *     (after a folder of a path)
   */
  public record Item(String label, Kind kind, String detail, String documentation, Span replaced, String newText,
      boolean snippet, String sortText, boolean preselect, boolean keepIndentation, boolean suggestAgain) {

    static Item of(String label, Kind kind, Span replaced, String newText, boolean snippet) {
      return new Item(label, kind, null, null, replaced, newText, snippet, null, false, false, false);
    }

    Item withDetail(String text) {
      return new Item(label, kind, text, documentation, replaced, newText, snippet, sortText, preselect,
          keepIndentation, suggestAgain);
    }

    Item withDocumentation(String markdown) {
      return new Item(label, kind, detail, markdown, replaced, newText, snippet, sortText, preselect,
          keepIndentation, suggestAgain);
    }

    Item withSortText(String text) {
      return new Item(label, kind, detail, documentation, replaced, newText, snippet, text, preselect,
          keepIndentation, suggestAgain);
    }

    Item preselected(boolean yes) {
      return new Item(label, kind, detail, documentation, replaced, newText, snippet, sortText, yes,
          keepIndentation, suggestAgain);
    }

    Item keepingIndentation() {
      return new Item(label, kind, detail, documentation, replaced, newText, snippet, sortText, preselect,
          true, suggestAgain);
    }

    Item suggestingAgain() {
      return new Item(label, kind, detail, documentation, replaced, newText, snippet, sortText, preselect,
          keepIndentation, true);
    }
  }

  /**
   * What shapes the items besides the text.
   *
   * @param snippets whether the editor inserts snippets (placeholders and choices); without,
   *     keywords are plain words
   * @param locale the language of the keywords' documentation
   */
  public record Options(boolean snippets, String locale) {}

  private final Snapshot snapshot;
  private final Program program;
  private final CursorContext context;
  private final int offset;
  /** From where the word being typed starts to the cursor. */
  private final Span replaced;
  private final Options options;
  private final List<Item> items = new ArrayList<>();

  private Completion(Snapshot snapshot, CursorContext context, int offset, Options options) {
    this.snapshot = snapshot;
    this.program = snapshot.analysis().program();
    this.context = context;
    this.offset = offset;
    this.replaced = new Span(snapshot.document().uri(), context.replaceStart(), offset);
    this.options = options;
  }

  /**
   * The completions at an offset, in no particular order (their sort texts give it).
   *
   * @param trigger the character whose typing asked for them, or null when the user asked
   *     (or typed a word); the triggers are those of paths, so typed anywhere but in a
   *     string (the first '/' of a comment, say) they bring nothing up
   * @param files the topology files import paths may name
   */
  public static List<Item> at(Snapshot snapshot, int offset, String trigger, Options options, TopologyFiles files,
      Cancellation cancel) {
    cancel.check();
    int cursor = Math.max(0, Math.min(offset, snapshot.document().text().length()));
    CursorContext context = CursorContext.at(snapshot, cursor);
    if (trigger != null && TRIGGER_CHARACTERS.contains(trigger) && context.place() != CursorContext.Place.STRING) {
      return List.of();
    }
    Completion completion = new Completion(snapshot, context, cursor, options);
    switch (context.place()) {
      case STATEMENT -> completion.statements();
      case VALUE -> completion.values();
      case STRING -> {
        if (Keyword.IMPORT.word().equals(context.keyword())) {
          return ImportPaths.at(snapshot.document().uri(), context, cursor, files);
        }
        Optional<Keyword> keyword = Optional.ofNullable(context.keyword()).flatMap(Keyword::of);
        keyword.filter(Completion::takesLabels).ifPresent(k -> completion.labels(k, true));
        if (keyword.filter(k -> k.slots().size() == 1 && k.slots().get(0).role() == Slot.Role.REFERENCE).isPresent()) {
          completion.nodeNames(true); // in the quotes of a quoted name: nodes "ip-|
        }
      }
      case NONE -> { }
    }
    return List.copyOf(completion.items);
  }

  // ---- statements ----

  private void statements() {
    Block block = context.block();
    if (block != null && block.kind() == null) {
      return; // a brace that opens no known block: nothing is known to belong there
    }
    EntityKind kind = block == null ? null : block.kind();
    boolean snippets = options.snippets();
    for (Keyword keyword : Keyword.allowedStatements(kind)) {
      boolean given = block != null && block.given().contains(keyword.word());
      if ((given && !keyword.repeatable()) || (keyword == Keyword.IMPORT && context.declarationsBefore())) {
        continue;
      }
      boolean isBlock = keyword.form() == Keyword.Form.BLOCK;
      Item item = Item.of(keyword.word(), isBlock && snippets ? Kind.TEMPLATE : Kind.KEYWORD, replaced,
          snippets ? template(keyword) : keyword.word() + " ", snippets)
          // The vocabulary's order is the order a block is usually written in.
          .withSortText(String.format(Locale.ROOT, "%02d", keyword.ordinal()));
      if (snippets && isBlock) {
        item = item.keepingIndentation(); // the snippet carries its own indentation
      }
      items.add(documented(item, keyword.knowledgeEntry()));
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
    // Each as a file writes it (quoted when it is not an identifier), and taken literally in the choice.
    List<String> names = nodes().keySet().stream().map(n -> Name.written(n).replace("\\", "\\\\")
        .replace(",", "\\,").replace("|", "\\|")).toList();
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
    if (takesLabels(keyword.get())) {
      labels(keyword.get(), false);
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
      case REFERENCE -> nodeNames(false);
      case LIBRARY_REFERENCE -> libraries();
      case PLATFORM -> words(platforms(keyword.get(), slot), Kind.OPEN_VALUE, label(slot));
      case VALUE -> {
        if (keyword.get() == Keyword.ARCH) {
          architectures(slot);
        } else {
          words(slot.closed().stream().filter(w -> !context.listed().contains(w)).toList(), Kind.CLOSED_VALUE,
              label(slot));
        }
      }
      default -> { }
    }
  }

  /** The suggested words of a slot, then the others the program already uses for that keyword (not the one being typed). */
  private List<String> platforms(Keyword keyword, Slot slot) {
    Set<String> used = new TreeSet<>();
    program.forEachEntity(e -> e.properties().get(keyword).filter(p -> !typedHere(p))
        .flatMap(p -> p.known())
        .ifPresent(value -> used.add(value instanceof Tool tool ? tool.name() : String.valueOf(value))));
    List<String> words = new ArrayList<>(slot.suggested());
    used.stream().filter(w -> !words.contains(w)).forEach(words::add);
    return words;
  }

  private void osFamilies() {
    Optional<String> kernel = kernelFamily(false);
    for (String family : families(kernel)) {
      boolean kernels = kernel.isPresent() && kernel.get().equals(family);
      items.add(Item.of(family, Kind.CLOSED_VALUE, replaced, family, false)
          .withDetail(say(Message.of(kernels ? "completion.os.kernel" : "completion.os")))
          .preselected(kernels)
          .withSortText(order()));
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

  /**
   * The architectures not listed yet, those of the kernel underneath first (preselected when
   * there is one); a host or VM has one architecture, so once it is written nothing follows.
   */
  private void architectures(Slot slot) {
    Block block = context.block();
    boolean machine = block != null && (block.kind() == EntityKind.HOST || block.kind() == EntityKind.VM);
    if (machine && !context.listed().isEmpty()) {
      return;
    }
    List<String> kernel = kernelArchitectures().stream().map(Arch::word).toList();
    List<String> words = new ArrayList<>(kernel);
    slot.closed().stream().filter(w -> !words.contains(w)).forEach(words::add);
    String underneath = say(Message.of(block != null && block.kind() == EntityKind.VM ? "completion.arch.host"
        : kernel.size() == 1 ? "completion.arch.kernel" : "completion.arch.nodes"));
    for (String word : words) {
      if (context.listed().stream().anyMatch(w -> Arch.fromWord(w).map(Arch::word).orElse(w).equals(word))) {
        continue;
      }
      boolean kernels = kernel.contains(word);
      items.add(Item.of(word, Kind.CLOSED_VALUE, replaced, word, false)
          .withDetail(kernels ? underneath : label(slot))
          .preselected(kernels && kernel.size() == 1)
          .withSortText(order()));
    }
  }

  /**
   * The architectures of the kernel under the block at the cursor: for a VM its host's; for a
   * container its host's or VM's (a VM without {@code arch} has its host's), or those of its
   * cluster's nodes. Empty for a host, and where none is declared.
   */
  private List<Arch> kernelArchitectures() {
    List<Block> blocks = context.blocks();
    int i = blocks.size() - 1;
    if (i < 0 || (blocks.get(i).kind() != EntityKind.CONTAINER && blocks.get(i).kind() != EntityKind.VM)) {
      return List.of();
    }
    for (i--; i >= 0; i--) {
      Block b = blocks.get(i);
      if (b.kind() == EntityKind.HOST || b.kind() == EntityKind.VM) {
        Optional<Arch> own = Optional.ofNullable(b.value(Keyword.ARCH.word())).flatMap(Arch::fromWord);
        if (own.isPresent() || b.kind() == EntityKind.HOST) {
          return own.stream().toList();
        }
      } else if (b.kind() == EntityKind.CLUSTER) {
        Set<Arch> archs = new LinkedHashSet<>();
        for (String node : b.values().getOrDefault(Keyword.NODES.word(), List.of())) {
          program.node(node).flatMap(program::arch).ifPresent(archs::add);
        }
        return List.copyOf(archs);
      }
    }
    return List.of();
  }

  // ---- labels ----

  /** Whether a keyword's values are a label's key and value: {@code label} and {@code select}. */
  private static boolean takesLabels(Keyword keyword) {
    return keyword == Keyword.LABEL || keyword == Keyword.SELECT;
  }

  /**
   * After {@code label} or {@code select}: the label keys, or after a key the values used
   * with it.
   *
   * @param inString whether the cursor is inside the string being typed, whose quotes are
   *     written already
   */
  private void labels(Keyword keyword, boolean inString) {
    if (context.argument() == 0) {
      labelKeys(keyword, inString);
    } else if (context.argument() == 1 && !context.listed().isEmpty()) {
      labelValues(keyword, context.listed().get(0), inString);
    }
  }

  /** The labels of the program's nodes and the selectors of its pods, with who has them, but not the statement being typed. */
  private void forEachLabelInUse(BiConsumer<Entity, Label> action) {
    program.forEachEntity(e -> {
      for (Keyword k : List.of(Keyword.LABEL, Keyword.SELECT)) {
        e.properties().<Label>all(k).stream().filter(p -> !typedHere(p))
            .flatMap(p -> p.known().stream()).forEach(l -> action.accept(e, l));
      }
    });
  }

  /**
   * The keys the program's labels and selectors use, and for {@code select} the built-in
   * {@code os} and {@code arch} first (a node may not declare those with {@code label}). Their
   * {@code kubernetes.io/} spellings mean the same and are left out, to keep the list short.
   */
  private void labelKeys(Keyword keyword, boolean inString) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (keyword == Keyword.SELECT) {
      keys.put(Label.BuiltIn.OS.word(), say(Message.of("completion.label.os")));
      keys.put(Label.BuiltIn.ARCH.word(), say(Message.of("completion.label.arch")));
    }
    Set<String> used = new TreeSet<>();
    forEachLabelInUse((e, l) -> {
      if (l.builtIn().isEmpty()) {
        used.add(l.key().text());
      }
    });
    String inUse = say(Message.of("completion.label.used"));
    used.forEach(key -> keys.putIfAbsent(key, inUse));
    boolean snippet = !inString && options.snippets() && !context.stringFollows();
    for (Map.Entry<String, String> key : keys.entrySet()) {
      String written = inString ? escapeString(key.getKey()) : keyText(key.getKey());
      Item item = Item.of(key.getKey(), Kind.LABEL_KEY, replaced, snippet ? escape(written) + " \"$1\"" : written,
          snippet).withDetail(key.getValue()).withSortText(order());
      // Once the key is written, the cursor is in the value's quotes: its values come up at once.
      items.add(snippet ? item.suggestingAgain() : item);
    }
  }

  /** Words of the bundles in the language of the documentation asked for. */
  private String say(Message message) {
    return message.text(options.locale());
  }

  /** What a slot's value is ("OS family"), for a completion's detail: {@code slot.LABEL} of the bundles. */
  private String label(Slot slot) {
    return say(Message.of("slot." + slot.label().replace(' ', '-')));
  }

  /** A key as written after the keyword: a name where a name can spell it, else a quoted string. */
  private static String keyText(String key) {
    return Name.isIdentifier(key) ? key : "\"" + escapeString(key) + "\"";
  }

  /**
   * The values a key takes: for the built-in {@code os} the OS families, for {@code arch} the
   * architectures of the program's nodes (every one when none declares one); for any other key
   * the values the program's labels and selectors use with it.
   */
  private void labelValues(Keyword keyword, String key, boolean inString) {
    Optional<Label.BuiltIn> builtIn = Label.BuiltIn.of(key);
    if (builtIn.isPresent()) {
      if (keyword == Keyword.SELECT) {
        List<String> values = builtIn.get() == Label.BuiltIn.OS ? OsFamily.words() : nodeArchitectures();
        String detail = say(Message.of(builtIn.get() == Label.BuiltIn.OS ? "completion.os" : "completion.arch"));
        values.forEach(v -> labelValue(v, Kind.CLOSED_VALUE, detail, inString));
      }
      return; // `label os` is not allowed: the node's own `os` gives it
    }
    Map<String, Set<String>> where = new TreeMap<>();
    forEachLabelInUse((e, l) -> {
      if (l.key().text().equals(key)) {
        where.computeIfAbsent(l.value().text(), v -> new LinkedHashSet<>()).add(say(e.described()));
      }
    });
    where.forEach((value, users) -> labelValue(value, Kind.OPEN_VALUE,
        say(Message.of("completion.used-by", String.join(", ", users))), inString));
  }

  /** The architectures the program's hosts and VMs have, in program order; every one when none has any. */
  private List<String> nodeArchitectures() {
    Set<String> archs = new LinkedHashSet<>();
    for (Entity node : nodes().values()) {
      program.arch(node).ifPresent(a -> archs.add(a.word()));
    }
    return archs.isEmpty() ? Arch.words() : List.copyOf(archs);
  }

  private void labelValue(String value, Kind kind, String detail, boolean inString) {
    String text = inString ? escapeString(value) : "\"" + escapeString(value) + "\"";
    items.add(Item.of(value, kind, replaced, text, false).withDetail(detail).withSortText(order()));
  }

  private void words(List<String> words, Kind kind, String detail) {
    for (String word : words) {
      items.add(Item.of(word, kind, replaced, word, false).withDetail(detail).withSortText(order()));
    }
  }

  private void namespaces(Slot slot) {
    for (String namespace : slot.closed()) {
      if (!context.listed().contains(namespace)) {
        items.add(documented(Item.of(namespace, Kind.CLOSED_VALUE, replaced, namespace, false), namespace)
            .withSortText(order()));
      }
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

  /** The hosts and VMs to list: written as a file writes them, or as the inside of the quotes the cursor is in. */
  private void nodeNames(boolean inString) {
    for (Map.Entry<String, Entity> node : nodes().entrySet()) {
      if (context.listed().contains(node.getKey())) {
        continue;
      }
      Entity e = node.getValue();
      String os = e.properties().osFamily().map(OsFamily::word).orElseGet(() -> say(Message.of("hover.os-unknown")));
      String cpu = say(e.properties().cpuValue().map(c -> Message.of("hover.node.cpu", Capacity.cores(c)))
          .orElse(Message.of("hover.node.cpu.unknown")));
      String memory = e.properties().memoryValue().map(q -> Capacity.bytes(q.bytes()))
          .orElseGet(() -> say(Message.of("hover.node.memory.unknown")));
      String file = e.span().source().equals(snapshot.document().uri()) ? ""
          : " · " + EntitySummary.relative(snapshot.document().uri(), e.span().source());
      String text = inString ? escapeString(node.getKey()) : Name.written(node.getKey());
      items.add(Item.of(node.getKey(), Kind.NODE, replaced, text, false)
          .withDetail(e.kind().keyword() + " · " + os + " · " + cpu + ", " + memory + file)
          .withSortText(order()));
    }
  }

  /** Library names: those the module's environment provides first, then every other the program knows. */
  private void libraries() {
    Block block = context.block();
    Block environment = block != null && block.kind() == EntityKind.MODULE ? context.outer(1) : null;
    Map<String, String> provided = environment == null || environment.kind() == null ? Map.of() : environment.libraries();
    Message where = environment == null || environment.kind() == null ? null
        : Entity.described(environment.kind(), environment.name());
    for (Map.Entry<String, String> library : provided.entrySet()) {
      String version = library.getValue();
      items.add(library(library.getKey(), majorOf(version))
          .withDetail(say(Message.of("completion.provided-by", where, version)))
          .withSortText("0" + library.getKey())
          .preselected(items.isEmpty()));
    }
    // Names from the whole program, but not from the statement being typed: the parser may
    // have taken the next line's first word for its library.
    Set<String> others = new TreeSet<>();
    program.forEachEntity(e -> {
      e.libraries().stream().filter(l -> !typedHere(l)).forEach(l -> others.add(l.name().text()));
      e.requirements().stream().filter(r -> !typedHere(r))
          .map(Requirement::library).forEach(n -> others.add(n.text()));
    });
    others.removeAll(provided.keySet());
    others.remove("");
    for (String name : others) {
      items.add(library(name, "")
          .withDetail(where == null ? Keyword.LIBRARY.word() : say(Message.of("completion.not-provided-by", where)))
          .withSortText("1" + name));
    }
  }

  private Item library(String name, String range) {
    boolean snippet = options.snippets() && !context.stringFollows();
    String text = snippet ? name + " \"${1:" + escape(range) + "}\"" : name;
    return Item.of(name, Kind.LIBRARY, replaced, text, snippet);
  }

  /** "17" of "17.0.9": a bare major version matches every release of it. */
  private static String majorOf(String version) {
    int end = 0;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end == 0 ? version : version.substring(0, end);
  }

  // ---- items ----

  /** Whether a statement of the program is the one being typed. */
  private boolean typedHere(Located statement) {
    return statement.span().source().equals(snapshot.document().uri()) && program.span(statement).contains(offset);
  }

  /** A sort text that keeps items in the order they are added. */
  private String order() {
    return String.format(Locale.ROOT, "%04d", items.size());
  }

  /** The item with the knowledge base's entry for a keyword, in the asked language, if it has one. */
  private Item documented(Item item, String keyword) {
    Optional<Entry> entry = KnowledgeBase.get().entry(keyword, options.locale());
    return entry.map(e -> item.withDetail(e.title()).withDocumentation(e.markdown())).orElse(item);
  }

  /** Text as it is written inside a topo string: only quotes and backslashes are escaped. */
  private static String escapeString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** Text taken literally inside a snippet placeholder. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
  }
}
