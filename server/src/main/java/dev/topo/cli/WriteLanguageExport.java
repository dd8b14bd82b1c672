package dev.topo.cli;

import com.google.gson.GsonBuilder;
import dev.topo.knowledge.LanguageExport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The build's step that writes {@link LanguageExport} to the file named by the first argument. */
public final class WriteLanguageExport {
  private WriteLanguageExport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    String json = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(LanguageExport.data());
    Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
  }
}
