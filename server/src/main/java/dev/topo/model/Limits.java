package dev.topo.model;

/**
 * Every limit of topo's memory budget, in one place. Under these limits the largest inputs
 * (an 8 Mi-character file, a million tokens, a thousand findings per file) are analysed in a
 * 256 MB heap; docs/reliability.md ("The
 * memory budget") gives the shapes measured and their figures. Past a limit an
 * {@code analysis-limit} finding says so and the analysis goes on without what is past it.
 */
public final class Limits {
  /** UTF-16 units of one file; a longer text is not parsed at all. */
  public static final int MAX_TEXT_LENGTH = 8 * 1024 * 1024;

  /**
   * Tokens of one file, white space and comments included (about 48 bytes each, with the
   * parse tree and the model on top); a file with more is not analysed. A million tokens is
   * a file of some 150,000 lines of ordinary topology, or 200,000 hosts written {@code host a{}}.
   */
  public static final int MAX_TOKENS = 1_000_000;

  /**
   * Nesting of blocks: four deep in a sensible topology (host, vm, container, module); past
   * this depth the inner text is not parsed, which bounds the parser's recursion.
   */
  public static final int MAX_NESTING = 32;

  /**
   * Findings reported for one file; the first ones in the order of the text are kept, and one
   * more finding says how many are not shown. More would say nothing a reader can use, and
   * two million of them (8 Mi characters of {@code host a{}}) would fill the heap and stall
   * an editor.
   */
  public static final int MAX_FINDINGS_PER_FILE = 1_000;

  /** Bytes read from the disk for one file: any text of at most {@link #MAX_TEXT_LENGTH} units (four bytes a unit at worst). */
  public static final int MAX_FILE_BYTES = MAX_TEXT_LENGTH * 4 + 4;

  /**
   * Bytes of one message of the language server protocol: a {@code didOpen} of the largest
   * text analysed in ASCII (8 MiB), or of 5 Mi characters of Korean (3 bytes each), with room
   * to spare. Reading a message costs about five times its size at once (the bytes, their
   * string, the parsed JSON, the text), so 64 MiB messages, the cap before, ran a 256 MB
   * server out of memory; a longer message is skipped unread, and a text between the two
   * limits gets the "too large" finding.
   */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

  private Limits() {}
}
