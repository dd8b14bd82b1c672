/*
 * The grammar of topology files (.topo).
 *
 * It is deliberately permissive: every block holds any statement, so that a property or a
 * block in the wrong place still parses and the checker can say what is wrong with it
 * (misplaced-property) instead of failing the whole file. Keywords are tokens of their own,
 * but `name` accepts them too, because they are reserved only where a statement starts.
 * A name may also be quoted (`host "ip-10-0-1-23.ec2.internal" {}`), for names an identifier
 * cannot spell, such as Kubernetes node names; the model reads the text inside the quotes.
 * The lexer never fails: unterminated strings and comments are still tokens (the model
 * builder reports them) and any other stray character becomes an ERROR_CHAR token that the
 * parser rejects with a precise range.
 */
grammar Topology;

// Property keywords (os, cpu, memory, ...) are not spelled out here: the lexer reads them as
// IDENT and the language's vocabulary (dev.topo.model.Keyword) retypes those it declares to
// KEYWORD, so a new property statement needs no change to this grammar. Its value shape
// (which words, strings and numbers follow the keyword) is checked against the vocabulary
// after parsing; the parser only needs to know where a statement ends, which is before the
// next keyword.
tokens { KEYWORD }

@parser::members {
/** Says whether a property statement, given the values it has so far, expects a name next. */
public interface WordSlots {
    boolean expectsWord(PropertyContext property);
}

private WordSlots wordSlots = property -> false;

/** The vocabulary's shapes, so that a keyword where a name is expected is read as that name. */
public void setWordSlots(WordSlots wordSlots) {
    this.wordSlots = wordSlots;
}
}

file       : statement* EOF ;

statement
    : ( importStmt
      | block
      | property
      ) SEMI?
    | SEMI
    ;

importStmt     : IMPORT STRING ;
block          : blockKeyword name LBRACE statement* RBRACE ;
blockKeyword   : HOST | VM | CONTAINER | CLUSTER | POD | MODULE ;

// A property statement: its keyword and the values that follow it. A keyword starts the next
// statement, unless the statement expects a name there: keywords are names too (`nodes os`).
property       : KEYWORD ( value | {wordSlots.expectsWord($ctx)}? KEYWORD )* ;
value          : IDENT | STRING | NUMBER | QUANTITY | COMMA ;

name
    : IDENT
    | KEYWORD
    | IMPORT | HOST | VM | CONTAINER | CLUSTER | POD | MODULE
    | STRING
    ;

IMPORT     : 'import' ;
HOST       : 'host' ;
VM         : 'vm' ;
CONTAINER  : 'container' ;
CLUSTER    : 'cluster' ;
POD        : 'pod' ;
MODULE     : 'module' ;

LBRACE     : '{' ;
RBRACE     : '}' ;
COMMA      : ',' ;
SEMI       : ';' ;

// A number directly followed by letters is a quantity; the model checks the unit.
QUANTITY   : '-'? DIGITS ('.' DIGITS)? [A-Za-z]+ ;
NUMBER     : '-'? DIGITS ('.' DIGITS)? ;
IDENT      : [A-Za-z_] [A-Za-z0-9_-]* ;

// The closing quote is optional so that an unterminated string is one token to the end
// of its line; the model builder reports it.
STRING     : '"' ( ~["\\\r\n] | '\\' ~[\r\n] )* '"'? ;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
// Likewise an unterminated block comment runs to the end of the file.
BLOCK_COMMENT : '/*' .*? ( '*/' | EOF ) -> channel(HIDDEN) ;
// A byte-order mark is white space wherever it stands.
WS            : [ \t\r\n\f\uFEFF]+ -> channel(HIDDEN) ;

ERROR_CHAR    : . ;

fragment DIGITS : [0-9]+ ;
