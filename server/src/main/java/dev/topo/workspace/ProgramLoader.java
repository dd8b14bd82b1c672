package dev.topo.workspace;

import dev.topo.model.EntityKind;
import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.yaml.Manifests;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Gathers a program: the root file and every file reachable through {@code import}. It
 * never follows an import that leaves the workspace root, never loops on a cycle, and never
 * recurses (an import chain can be as long as the workspace).
 *
 * <p>Only the root's imports are diagnosed: each file's own imports are diagnosed when that
 * file is analysed as a root, which is how both the CLI and the language server see files.
 *
 * <p>A loader remembers how each import resolved and the text it read, so that the programs
 * of a run (every file of an import chain is the root of one) read and resolve each file
 * once, not once per program that contains it. Make one per run or per request: what it
 * remembers is the disk as it was, and the links of every model it was given (one kept from
 * keystroke to keystroke held every version's, some 650 KB a keystroke at 10,000 lines).
 */
public final class ProgramLoader {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final SourceProvider sources;
  private final ParseCache cache;
  private final URI workspaceRoot;
  private final boolean shareClosures;
  /** How each import of each file resolved, by the importing file's URI and the path it names. */
  private final Map<ImportKey, Resolution> resolutions = new ConcurrentHashMap<>();
  /** Each parsed file's links, by the very model the cache gave: the programs of a run share them. */
  private final Map<FileModel, Links> links = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<URI, URI> keys = new ConcurrentHashMap<>();
  private final Map<FileModel, Closure> closures = Collections.synchronizedMap(new IdentityHashMap<>());
  /** How many files read so far declare each global name, so that a name declared once needs no search. */
  private final Map<String, Integer> declaring = new ConcurrentHashMap<>();

  /**
   * @param workspaceRoot the folder imports may not leave, or null for no boundary
   */
  public ProgramLoader(SourceProvider sources, ParseCache cache, URI workspaceRoot) {
    this(sources, cache, workspaceRoot, false);
  }

  /**
   * A loader for a run that loads the program of many roots, each file of a folder as a check
   * does: the files' closures are worked out once and shared, so that the programs of an
   * import chain cost one file each. A loader that loads one program (the editor's, per
   * analysis) walks it instead: working out the closure of every file it holds would cost more
   * than the walk where files import several others.
   */
  public static ProgramLoader forManyRoots(SourceProvider sources, ParseCache cache, URI workspaceRoot) {
    return new ProgramLoader(sources, cache, workspaceRoot, true);
  }

  private ProgramLoader(SourceProvider sources, ParseCache cache, URI workspaceRoot, boolean shareClosures) {
    this.sources = sources;
    this.cache = cache;
    this.workspaceRoot = workspaceRoot == null ? null : sources.canonical(workspaceRoot);
    this.shareClosures = shareClosures;
  }

  /** Loads the program whose root is this document, reading its text from the provider. */
  public Optional<Program> load(URI rootUri) {
    return sources.read(rootUri).map(text -> load(rootUri, text));
  }

  /** Loads the program whose root is this document with this text. */
  public Program load(URI rootUri, String rootText) {
    FileModel root = cache.get(rootUri, rootText);
    URI rootKey = key(sources.canonical(rootUri));
    Supplier<Map<URI, Import>> through = () -> walk(root, rootKey, true).reachedThrough;
    List<FileModel> rootImports = links(root, rootKey).imports().stream().map(Link::target).filter(Objects::nonNull).toList();
    Closure closure = shareClosures ? closure(root, rootKey) : Closure.NONE;
    if (closure != Closure.NONE) {
      List<Problem> problems = new ArrayList<>();
      for (Link link : links(root, rootKey).imports()) {
        if (link.target() == null) {
          problems.add(new Problem(ProblemCode.IMPORT_ERROR, link.anImport().pathSpan(), link.problem()));
        }
      }
      return new Program(root, closure.contents(), rootImports, problems, through, List.of(), this::filesDeclaring);
    }
    Walk walk = walk(root, rootKey, false);
    List<Problem> problems = new ArrayList<>(walk.problems);
    if (walk.backToRoot) {
      problems.addAll(cycles(rootKey, root, walk.files));
    }
    return new Program(root, Program.Contents.of(walk.files, walk.facts), rootImports, problems, through,
        walk.companions, this::filesDeclaring);
  }

  /** How many of the files read so far declare a host, VM, cluster or pod of this name. */
  private int filesDeclaring(String name) {
    return declaring.getOrDefault(name, 0);
  }

  /**
   * The files a file's imports bring, imports first and the file last, as a walk from it finds
   * them: worked out once per file and shared, so that the programs of an import chain cost
   * one file each. {@link #NONE} for a file in or above an import cycle, or one that is or
   * imports a Kubernetes manifest (whose folder joins it): those are walked whole.
   */
  private record Closure(PrefixList<Links> files, Set<EntityKind> kinds, boolean fragments) {
    static final Closure NONE = new Closure(null, Set.of(), false);

    Program.Contents contents() {
      return new Program.Contents(new Mapped<>(files, Links::file), new Mapped<>(files, Links::facts), kinds, fragments);
    }
  }

  /** A list read through a function of another's elements. */
  private static final class Mapped<A, B> extends AbstractList<B> implements RandomAccess {
    private final List<A> list;
    private final Function<A, B> read;

    Mapped(List<A> list, Function<A, B> read) {
      this.list = list;
      this.read = read;
    }

    @Override
    public B get(int index) {
      return read.apply(list.get(index));
    }

    @Override
    public int size() {
      return list.size();
    }
  }

  /**
   * The closure of a file, working out first those of the files it imports, in an iterative
   * walk that never recurses.
   */
  private Closure closure(FileModel file, URI fileKey) {
    Closure known = closures.get(file);
    if (known != null) {
      return known;
    }
    Deque<Frame> stack = new ArrayDeque<>();
    Set<URI> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
    stack.push(new Frame(file, fileKey, null));
    onStack.add(fileKey);
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      Links links = links(frame.file, frame.key);
      if (frame.next < links.imports().size()) {
        Link link = links.imports().get(frame.next++);
        if (link.target() == null || closures.containsKey(link.target())) {
          continue;
        }
        // An import of a file still being worked out closes a cycle: that file has no closure
        // yet, so every file of the cycle, and above it, is walked whole ({@link #compose}).
        if (onStack.add(link.key())) {
          stack.push(new Frame(link.target(), link.key(), null));
        }
        continue;
      }
      stack.pop();
      onStack.remove(frame.key);
      closures.put(frame.file, compose(links));
    }
    return closures.get(file);
  }

  /**
   * A file's closure from those of its imports: none when one of them has none, or has none
   * yet because it is still being worked out (the import closes a cycle).
   */
  private Closure compose(Links own) {
    if (own.kubernetes()) {
      return Closure.NONE;
    }
    List<Closure> parts = new ArrayList<>();
    for (Link link : own.imports()) {
      if (link.target() != null) {
        Closure part = closures.get(link.target());
        if (part == null || part == Closure.NONE) {
          return Closure.NONE;
        }
        parts.add(part);
      }
    }
    Set<EntityKind> kinds = EnumSet.noneOf(EntityKind.class);
    kinds.addAll(own.facts().kinds());
    boolean fragments = own.facts().hasClusterFragments;
    if (parts.isEmpty()) {
      return new Closure(PrefixList.of(List.of(own)), kinds, fragments);
    }
    PrefixList<Links> files = parts.get(0).files();
    if (parts.size() > 1) {
      // What a later import brings that an earlier one did not, in the order its own walk found it.
      Set<URI> in = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Links> merged = new ArrayList<>(files);
      merged.forEach(l -> in.add(l.key()));
      for (Closure part : parts.subList(1, parts.size())) {
        part.files().stream().filter(l -> in.add(l.key())).forEach(merged::add);
      }
      files = PrefixList.of(merged);
    }
    for (Closure part : parts) {
      kinds.addAll(part.kinds());
      fragments |= part.fragments();
    }
    return new Closure(files.plus(own), Collections.unmodifiableSet(kinds), fragments);
  }

  /**
   * What a walk from a root found: its files imports first and the root last, their indexes, the
   * root's import problems and companions, whether an import led back to the root, and (when
   * asked) the root's import through which each other file came.
   */
  private static final class Walk {
    final List<FileModel> files = new ArrayList<>();
    final List<FileFacts> facts = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>();
    final List<URI> companions = new ArrayList<>();
    final Map<URI, Import> reachedThrough = new HashMap<>();
    boolean backToRoot;
  }

  /**
   * An iterative depth-first walk over the imports. Each file of an import chain is walked
   * again by the program of every file before it, so a step costs only lookups by identity:
   * the keys are interned and each file's links worked out once ({@link #links}).
   */
  private Walk walk(FileModel root, URI rootKey, boolean recordThrough) {
    Walk walk = new Walk();
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, rootKey, null));
    Set<URI> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(rootKey);
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      Links links = links(frame.file, frame.key);
      if (frame.next == 0 && !frame.siblingsJoined && links.kubernetes()) {
        frame.siblingsJoined = true;
        for (FileModel sibling : kubernetesSiblings(frame.file, seen)) {
          if (frame.file == root) {
            walk.companions.add(sibling.uri());
          } else if (recordThrough) {
            walk.reachedThrough.put(sibling.uri(), frame.throughRootImport);
          }
          walk.files.add(sibling);
          walk.facts.add(links(sibling, null).facts());
        }
      }
      if (frame.next == links.imports().size()) {
        stack.pop();
        walk.files.add(frame.file);
        walk.facts.add(links.facts());
        continue;
      }
      Link link = links.imports().get(frame.next++);
      boolean isRoot = frame.file == root;
      if (link.target() == null) {
        if (isRoot) {
          walk.problems.add(new Problem(ProblemCode.IMPORT_ERROR, link.anImport().pathSpan(), link.problem()));
        }
      } else if (seen.add(link.key())) {
        Import through = isRoot ? link.anImport() : frame.throughRootImport;
        if (recordThrough) {
          walk.reachedThrough.put(link.target().uri(), through);
        }
        stack.push(new Frame(link.target(), link.key(), through));
      } else if (link.key() == rootKey) {
        walk.backToRoot = true;
      }
    }
    return walk;
  }

  /** One spelling of each canonical key, so that walks compare keys by identity. */
  private URI key(URI canonical) {
    URI known = keys.putIfAbsent(canonical, canonical);
    return known == null ? canonical : known;
  }

  /**
   * A file's imports as they resolved, its index, and whether it is a Kubernetes manifest,
   * worked out once per parsed file and shared by every program that holds it.
   */
  private record Links(FileModel file, URI key, List<Link> imports, FileFacts facts, boolean kubernetes) {}

  /** One import: the file it names and that file's interned canonical key, or why it names none. */
  private record Link(Import anImport, FileModel target, URI key, Message problem) {}

  private Links links(FileModel file, URI fileKey) {
    Links known = links.get(file);
    if (known != null) {
      return known;
    }
    List<Link> imports = new ArrayList<>(file.imports().size());
    for (Import anImport : file.imports()) {
      Resolution resolution = resolutions.computeIfAbsent(new ImportKey(file.uri(), anImport.path()),
          k -> resolve(k.from(), anImport));
      imports.add(resolution.problem != null ? new Link(anImport, null, null, resolution.problem)
          : new Link(anImport, cache.get(resolution.uri, resolution.text), key(resolution.key), null));
    }
    Links made = new Links(file, fileKey, List.copyOf(imports), new FileFacts(file),
        Manifests.isKubernetes(file.uri(), file.text()));
    links.put(file, made);
    made.facts().globalNames().keySet().forEach(name -> declaring.merge(name, 1, Integer::sum));
    return made;
  }
  /**
   * The other Kubernetes manifests of a Kubernetes manifest's folder, not yet in the program:
   * a folder of manifests is one cluster, as {@code kubectl apply -f FOLDER} makes it, so its
   * nodes and workloads are checked together wherever one of its files is. Manifests have no
   * imports, so they join the program without a walk of their own.
   */
  private List<FileModel> kubernetesSiblings(FileModel file, Set<URI> seen) {
    if (!Manifests.isKubernetes(file.uri(), file.text())) {
      return List.of();
    }
    List<FileModel> siblings = new ArrayList<>();
    for (URI uri : sources.yamlSiblings(file.uri())) {
      URI key = key(sources.canonical(uri));
      if ((workspaceRoot == null || inside(key, workspaceRoot)) && !seen.contains(key)) {
        sources.read(uri).filter(text -> Manifests.isKubernetes(uri, text)).ifPresent(text -> {
          seen.add(key);
          siblings.add(cache.get(uri, text));
        });
      }
    }
    return siblings;
  }

  /**
   * The file an import names, when it resolves as the loader would follow it: relative,
   * inside the workspace root (when there is one) and readable. Empty otherwise, so that
   * editors link only what the program really includes.
   */
  public Optional<URI> target(URI from, Import anImport) {
    Resolution resolution = resolve(from, anImport);
    return resolution.problem == null ? Optional.of(resolution.uri) : Optional.empty();
  }

  /** A file on the walk's stack and how many of its imports have been followed. */
  private static final class Frame {
    final FileModel file;
    final URI key;
    /** The root's import that led here (null for the root itself). */
    final Import throughRootImport;
    int next;
    boolean siblingsJoined;

    Frame(FileModel file, URI key, Import throughRootImport) {
      this.file = file;
      this.key = key;
      this.throughRootImport = throughRootImport;
    }
  }

  private record ImportKey(URI from, String path) {}

  private record Resolution(URI uri, URI key, String text, Message problem) {
    static Resolution failed(Message problem) {
      return new Resolution(null, null, null, problem);
    }
  }

  private Resolution resolve(URI from, Import anImport) {
    String path = anImport.path().replace('\\', '/');
    if (path.isBlank()) {
      return Resolution.failed(Message.of("import.empty"));
    }
    if (path.startsWith("/") || SCHEME.matcher(path).matches()) {
      return Resolution.failed(Message.of("import.absolute", "'" + anImport.path() + "'"));
    }
    URI target;
    try {
      target = sameForm(from, from.resolve(new URI(null, null, path, null)).normalize());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Resolution.failed(Message.of("import.invalid", "'" + anImport.path() + "'"));
    }
    URI key = sources.canonical(target);
    if (workspaceRoot != null && !inside(key, workspaceRoot)) {
      return Resolution.failed(Message.of("import.outside", "'" + anImport.path() + "'"));
    }
    Optional<String> text = sources.read(target);
    if (text.isEmpty()) {
      return Resolution.failed(Message.of("import.missing", "'" + anImport.path() + "'", display(target)));
    }
    return new Resolution(target, key, text.get(), null);
  }

  /**
   * Resolving drops an empty authority ("file:///a" becomes "file:/a"); keep the importer's
   * spelling so that a document has one spelling wherever it is named.
   */
  private static URI sameForm(URI from, URI target) {
    if (from.getRawAuthority() == null && from.toString().startsWith(from.getScheme() + "://")
        && !target.toString().startsWith(target.getScheme() + "://")) {
      return URI.create(target.getScheme() + "://" + target.getRawSchemeSpecificPart());
    }
    return target;
  }

  private static boolean inside(URI file, URI folder) {
    String folderPath = folder.getPath();
    if (folderPath == null || file.getPath() == null || !sameScheme(file, folder)) {
      return false;
    }
    String prefix = folderPath.endsWith("/") ? folderPath : folderPath + "/";
    return file.getPath().startsWith(prefix);
  }

  private static boolean sameScheme(URI a, URI b) {
    return String.valueOf(a.getScheme()).equals(String.valueOf(b.getScheme()));
  }

  /** A path as messages show it: relative to the workspace root when inside it. */
  private String display(URI uri) {
    if (workspaceRoot != null && inside(uri, workspaceRoot)) {
      String rootPath = workspaceRoot.getPath();
      return uri.getPath().substring(rootPath.length() + (rootPath.endsWith("/") ? 0 : 1));
    }
    return "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
  }

  /**
   * An import of the root is cyclic when the root can be reached again from what it imports.
   * Asked only when the walk met the root again, so the graph is gathered only then.
   */
  private List<Problem> cycles(URI rootKey, FileModel root, List<FileModel> files) {
    Map<FileModel, URI> keyOf = new IdentityHashMap<>();
    Map<URI, FileModel> byKey = new HashMap<>();
    keyOf.put(root, rootKey);
    byKey.put(rootKey, root);
    Map<Import, URI> rootTargets = new LinkedHashMap<>();
    for (FileModel file : files) {
      for (Link link : links(file, null).imports()) {
        if (link.target() != null) {
          keyOf.putIfAbsent(link.target(), link.key());
          byKey.putIfAbsent(link.key(), link.target());
          if (file == root) {
            rootTargets.put(link.anImport(), link.key());
          }
        }
      }
    }
    Map<URI, List<URI>> edges = new HashMap<>();
    for (FileModel file : files) {
      for (Link link : links(file, null).imports()) {
        if (link.target() != null) {
          edges.computeIfAbsent(keyOf.get(file), k -> new ArrayList<>()).add(link.key());
        }
      }
    }
    List<Problem> problems = new ArrayList<>();
    Set<URI> reachesRoot = reaching(rootKey, edges);
    for (Map.Entry<Import, URI> entry : rootTargets.entrySet()) {
      List<URI> path = reachesRoot.contains(entry.getValue()) ? pathBetween(entry.getValue(), rootKey, edges) : null;
      if (path != null) {
        List<String> names = new ArrayList<>();
        names.add(fileName(root.uri()));
        for (URI step : path) {
          names.add(fileName(byKey.get(step).uri()));
        }
        problems.add(new Problem(ProblemCode.IMPORT_ERROR, entry.getKey().pathSpan(),
            Message.of("import.cycle", String.join(" → ", names))));
      }
    }
    return problems;
  }

  /** Every file from which imports lead to the target, found once over the reversed graph. */
  private static Set<URI> reaching(URI target, Map<URI, List<URI>> edges) {
    Map<URI, List<URI>> reversed = new HashMap<>();
    edges.forEach((from, tos) -> tos.forEach(to -> reversed.computeIfAbsent(to, k -> new ArrayList<>()).add(from)));
    Set<URI> reached = new HashSet<>();
    Deque<URI> queue = new ArrayDeque<>(List.of(target));
    while (!queue.isEmpty()) {
      for (URI from : reversed.getOrDefault(queue.poll(), List.of())) {
        if (reached.add(from)) {
          queue.add(from);
        }
      }
    }
    return reached;
  }

  /** The shortest chain of files from one file to another along imports, both ends included. */
  private static List<URI> pathBetween(URI from, URI to, Map<URI, List<URI>> edges) {
    Map<URI, URI> cameFrom = new HashMap<>();
    Deque<URI> queue = new ArrayDeque<>(List.of(from));
    cameFrom.put(from, from);
    while (!queue.isEmpty()) {
      URI current = queue.poll();
      if (current.equals(to)) {
        List<URI> path = new ArrayList<>();
        for (URI step = to; ; step = cameFrom.get(step)) {
          path.add(0, step);
          if (step.equals(from)) {
            return path;
          }
        }
      }
      for (URI next : edges.getOrDefault(current, List.of())) {
        if (cameFrom.putIfAbsent(next, current) == null) {
          queue.add(next);
        }
      }
    }
    return null;
  }

  private static String fileName(URI uri) {
    String path = uri.getPath() == null ? uri.toString() : uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
