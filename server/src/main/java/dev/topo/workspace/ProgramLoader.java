package dev.topo.workspace;

import dev.topo.model.FileModel;
import dev.topo.model.Import;
import dev.topo.model.Message;
import dev.topo.model.Problem;
import dev.topo.model.ProblemCode;
import dev.topo.yaml.Manifests;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * remembers is the disk as it was.
 */
public final class ProgramLoader {
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final SourceProvider sources;
  private final ParseCache cache;
  private final URI workspaceRoot;
  /** How each import of each file resolved, by the importing file's URI and the path it names. */
  private final Map<ImportKey, Resolution> resolutions = new ConcurrentHashMap<>();

  /**
   * @param workspaceRoot the folder imports may not leave, or null for no boundary
   */
  public ProgramLoader(SourceProvider sources, ParseCache cache, URI workspaceRoot) {
    this.sources = sources;
    this.cache = cache;
    this.workspaceRoot = workspaceRoot == null ? null : sources.canonical(workspaceRoot);
  }

  /** Loads the program whose root is this document, reading its text from the provider. */
  public Optional<Program> load(URI rootUri) {
    return sources.read(rootUri).map(text -> load(rootUri, text));
  }

  /** Loads the program whose root is this document with this text. */
  public Program load(URI rootUri, String rootText) {
    FileModel root = cache.get(rootUri, rootText);
    URI rootKey = sources.canonical(rootUri);
    Map<URI, FileModel> byKey = new HashMap<>();
    Map<URI, List<URI>> edges = new HashMap<>();
    List<FileModel> postOrder = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<Import, URI> rootTargets = new LinkedHashMap<>();

    byKey.put(rootKey, root);
    // Iterative depth-first walk; a frame is a file and how many of its imports are done.
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(rootKey, root, null));
    Map<URI, Import> reachedThrough = new HashMap<>();
    Set<URI> seen = new HashSet<>(Set.of(rootKey));
    List<URI> companions = new ArrayList<>();
    while (!stack.isEmpty()) {
      Frame frame = stack.peek();
      if (frame.next == 0 && !frame.siblingsJoined) {
        frame.siblingsJoined = true;
        for (FileModel sibling : kubernetesSiblings(frame.file, seen)) {
          byKey.put(sources.canonical(sibling.uri()), sibling);
          if (frame.file == root) {
            companions.add(sibling.uri());
          } else {
            reachedThrough.put(sibling.uri(), frame.throughRootImport);
          }
          postOrder.add(sibling);
        }
      }
      if (frame.next == frame.file.imports().size()) {
        stack.pop();
        postOrder.add(frame.file);
        continue;
      }
      Import anImport = frame.file.imports().get(frame.next++);
      boolean isRoot = frame.file == root;
      Resolution resolution = resolutions.computeIfAbsent(new ImportKey(frame.file.uri(), anImport.path()),
          k -> resolve(k.from(), anImport));
      if (resolution.problem != null) {
        if (isRoot) {
          problems.add(new Problem(ProblemCode.IMPORT_ERROR, anImport.pathSpan(), resolution.problem));
        }
        continue;
      }
      edges.computeIfAbsent(frame.key, k -> new ArrayList<>()).add(resolution.key);
      if (isRoot) {
        rootTargets.put(anImport, resolution.key);
      }
      if (seen.add(resolution.key)) {
        FileModel imported = cache.get(resolution.uri, resolution.text);
        byKey.put(resolution.key, imported);
        Import through = isRoot ? anImport : frame.throughRootImport;
        reachedThrough.put(imported.uri(), through);
        stack.push(new Frame(resolution.key, imported, through));
      }
    }
    problems.addAll(cycles(rootKey, root, rootTargets, edges, byKey));
    return new Program(root, postOrder, problems, reachedThrough, companions);
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
      URI key = sources.canonical(uri);
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
    final URI key;
    final FileModel file;
    /** The root's import that led here (null for the root itself). */
    final Import throughRootImport;
    int next;
    boolean siblingsJoined;

    Frame(URI key, FileModel file, Import throughRootImport) {
      this.key = key;
      this.file = file;
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

  /** An import of the root is cyclic when the root can be reached again from what it imports. */
  private static List<Problem> cycles(URI rootKey, FileModel root, Map<Import, URI> rootTargets,
      Map<URI, List<URI>> edges, Map<URI, FileModel> byKey) {
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
