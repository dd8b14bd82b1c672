package dev.topo.maven;

import dev.topo.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the project's topology files with {@code topo check}, as part of the build: the
 * findings go to the build log, the reports to {@code target/topo/}, and findings at or above
 * {@code failOn} fail the build. The checker runs inside Maven's JVM, so no Java has to be found.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class CheckMojo extends AbstractMojo {
  /** Where designs live unless {@code paths} says otherwise, after Maven's src/main/LANGUAGE habit. */
  static final String DEFAULT_PATH = "src/main/topo";

  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  private File basedir;

  /** Files and folders to check (a folder means every .topo file below it); default src/main/topo. */
  @Parameter(property = "topo.paths")
  private List<File> paths;

  /** The least serious finding that fails the build: error, warning, info, or never. */
  @Parameter(property = "topo.failOn", defaultValue = "error")
  private String failOn;

  /** The reports written to outputDirectory: text, json, sarif, junit, checkstyle, gitlab. */
  @Parameter(property = "topo.formats", defaultValue = "sarif,junit")
  private List<String> formats;

  @Parameter(property = "topo.outputDirectory", defaultValue = "${project.build.directory}/topo")
  private File outputDirectory;

  /** A .topo.json to use instead of the one found beside the checked files. */
  @Parameter(property = "topo.config")
  private File config;

  /** Report only findings this baseline (written by topo check --write-baseline) does not hold. */
  @Parameter(property = "topo.baseline")
  private File baseline;

  /** The language of messages: en or ko. */
  @Parameter(property = "topo.lang", defaultValue = "en")
  private String lang;

  @Parameter(property = "topo.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("topo: skipped (topo.skip)");
      return;
    }
    CheckArguments arguments = arguments();
    List<Path> existing = arguments.paths().stream().filter(Files::exists).toList();
    if (existing.isEmpty()) {
      getLog().info("topo: nothing to check, no " + arguments.paths().stream().map(this::shown).toList());
      return;
    }
    createOutputDirectory(arguments.outputDirectory());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(arguments.commandLine(), basedir.toPath(), new PrintWriter(out), new PrintWriter(err));
    new BuildLog(getLog()).write(out.toString());
    err.toString().lines().filter(l -> !l.isBlank()).forEach(getLog()::warn);
    arguments.reportFiles().forEach(r -> getLog().info("topo: report " + shown(r)));
    if (exit == Main.USAGE_OR_IO) {
      throw new MojoExecutionException("topo could not check the design: " + err.toString().strip());
    }
    if (exit == Main.FOUND && arguments.failOn() != CheckArguments.FailOn.NEVER) {
      throw new MojoFailureException("topo found problems at or above '" + failOn.trim() + "' (see the findings above)");
    }
  }

  private CheckArguments arguments() throws MojoExecutionException {
    Path base = basedir.toPath();
    List<Path> checked = paths == null || paths.isEmpty() ? List.of(base.resolve(DEFAULT_PATH))
        : paths.stream().map(File::toPath).map(base::resolve).toList();
    try {
      return new CheckArguments(checked, CheckArguments.FailOn.parse(failOn), List.copyOf(formats),
          outputDirectory.toPath(), Optional.ofNullable(config).map(File::toPath),
          Optional.ofNullable(baseline).map(File::toPath), lang);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("topo: " + e.getMessage());
    }
  }

  private static void createOutputDirectory(Path directory) throws MojoExecutionException {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new MojoExecutionException("topo: cannot create " + directory + ": " + e.getMessage(), e);
    }
  }

  /** A path as the user would write it: relative to the project when it is inside it. */
  private String shown(Path path) {
    Path base = basedir.toPath();
    return path.startsWith(base) ? base.relativize(path).toString() : path.toString();
  }
}
