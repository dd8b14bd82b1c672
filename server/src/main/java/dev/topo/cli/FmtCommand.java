package dev.topo.cli;

import dev.topo.syntax.Formatter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code topo fmt}: the editor's formatter for terminals, hooks and CI. Each file is
 * rewritten through a temporary file in its own folder and a rename, so an interrupted run
 * leaves either the old text or the new one, never half of it. A file with syntax errors is
 * never touched.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
    description = {"Formats topology files in the canonical style, in place.",
        "Exit status: 0 when every file is (now) formatted; 1 when a file has syntax errors and was left as it is,"
            + " or, with --check, when a file is not formatted; 2 for usage or I/O errors."})
final class FmtCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files to format; a directory means every .topo file below it.")
  List<Path> paths;

  @Option(names = "--check", description = "Write nothing; list the files that are not formatted and exit 1 if there are any.")
  boolean check;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = Inputs.collect(paths);
    boolean unformatted = false;
    boolean broken = false;
    boolean failed = false;
    for (Path file : files) {
      String text;
      try {
        text = read(file);
      } catch (IOException e) {
        err.println("topo: cannot read " + file + ": " + reason(e));
        failed = true;
        continue;
      }
      Optional<String> formatted = Formatter.format(text, Formatter.Options.DEFAULT);
      if (formatted.isEmpty()) {
        err.println("topo: " + file + " has syntax errors and was left as it is (topo check " + file + " shows them)");
        broken = true;
      } else if (!formatted.get().equals(text)) {
        if (check) {
          out.println(file);
          unformatted = true;
        } else {
          try {
            writeAtomically(file, formatted.get());
            out.println("formatted " + file);
          } catch (IOException e) {
            err.println("topo: cannot write " + file + ": " + reason(e));
            failed = true;
          }
        }
      }
    }
    out.flush();
    err.flush();
    if (failed) {
      return Main.USAGE_OR_IO;
    }
    return unformatted || broken ? Main.FOUND : Main.CLEAN;
  }

  /** UTF-8, strictly: a file that is not valid UTF-8 would be damaged by rewriting it. */
  private static String read(Path file) throws IOException {
    // A file found below a directory is not refused up front as one named is (Inputs): only it is skipped.
    if (Files.size(file) > Inputs.MAX_INPUT_BYTES) {
      throw new IOException("it is larger than " + Inputs.MAX_INPUT_BYTES / (1024 * 1024) + " MiB");
    }
    byte[] bytes = Files.readAllBytes(file);
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IOException("it is not valid UTF-8", e);
    }
  }

  /**
   * Writes next to the file, then renames over it: atomically where the file system can,
   * else with a plain replace. The file keeps its permissions; a symbolic link keeps
   * pointing at the file it named, which is the one rewritten.
   */
  static void writeAtomically(Path file, String text) throws IOException {
    writeAtomically(file, text, temporary -> { });
  }

  /** What happens between writing the temporary file and the rename (tests interrupt there). */
  interface BeforeRename {
    void run(Path temporary) throws IOException;
  }

  static void writeAtomically(Path file, String text, BeforeRename beforeRename) throws IOException {
    Path target = file.toRealPath();
    Path folder = target.toAbsolutePath().getParent();
    Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      copyPermissions(target, temporary);
      beforeRename.run(temporary);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void copyPermissions(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(from, PosixFileAttributeView.class);
    if (view != null) {
      Files.setPosixFilePermissions(to, view.readAttributes().permissions());
    }
  }

  private static String reason(IOException e) {
    String message = e.getMessage();
    return e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof java.nio.file.NoSuchFileException ? "no such file"
        : message == null ? e.getClass().getSimpleName() : message;
  }
}
