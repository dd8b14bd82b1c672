package dev.topo.model;

/**
 * What kind of problem was found while a file's model was built or its imports gathered,
 * rather than by reasoning over the model. Each code is also a rule of the checker, with the
 * same id (one generic rule per code), so severity, configuration and suppression treat its
 * problems like any other finding. Every code is an error by default: the text could not be
 * read as written.
 */
public enum ProblemCode {
  SYNTAX("syntax", "The text does not parse",
      "The text does not follow the grammar: an unexpected or missing token, a stray character, an unterminated"
          + " string or block comment. After a syntax error the parser recovers, and the rest of the file is still"
          + " modelled and checked.",
      "the offending token"),
  MISPLACED_PROPERTY("misplaced-property", "A statement where it is not allowed, or given twice",
      "A statement is where the [table](#structure) does not allow it (including blocks, and statements other"
          + " than `import`, `host` and `cluster` at the top of a file). Also: a single-valued property is given"
          + " twice in one block, or an import comes after a host or cluster.",
      "the statement (a block: its name)"),
  INVALID_VALUE("invalid-value", "A value that means nothing: a bad unit, number, version or range",
      "See [the list below](#what-invalid-value-covers).",
      "the value (in the configuration: the key)"),
  IMPORT_ERROR("import-error", "An import is missing, cyclic, or outside the workspace root",
      "An import is empty, absolute or a URI, outside the workspace root, missing, or part of a cycle.",
      "the import's path string"),
  ANALYSIS_LIMIT("analysis-limit", "The file is past a limit of the analysis",
      "The file has more than 8 Mi (8,388,608) UTF-16 characters or a million tokens (it is not analysed at"
          + " all), blocks nested more than 32 deep (what is inside is not analysed), or more than 1,000 findings"
          + " (the rest are not shown). The limits keep the largest input within a 256 MB heap.",
      "line 1 column 1 for a file not analysed; the 33rd `{`; after the last finding shown");

  private final String id;
  private final String title;
  private final String firesWhen;
  private final String reportedAt;

  ProblemCode(String id, String title, String firesWhen, String reportedAt) {
    this.id = id;
    this.title = title;
    this.firesWhen = firesWhen;
    this.reportedAt = reportedAt;
  }

  /** The id of the rule that reports it. */
  public String id() {
    return id;
  }

  /** One line: what it finds. */
  public String title() {
    return title;
  }

  /** For the specification's table of rules, in Markdown: when it is found. */
  public String firesWhen() {
    return firesWhen;
  }

  /** For the specification's table of rules, in Markdown: where the finding is reported. */
  public String reportedAt() {
    return reportedAt;
  }

  @Override
  public String toString() {
    return id;
  }
}
