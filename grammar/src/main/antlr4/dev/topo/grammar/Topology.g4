/*
 * The grammar of topology files (.topo).
 *
 * It is deliberately permissive: every block holds any statement, so that a property or a
 * block in the wrong place still parses and the checker can say what is wrong with it
 * (misplaced-property) instead of failing the whole file. Keywords are tokens of their own,
 * but `name` accepts them too, because they are reserved only where a statement starts.
 * The lexer never fails: unterminated strings and comments are still tokens (the model
 * builder reports them) and any other stray character becomes an ERROR_CHAR token that the
 * parser rejects with a precise range.
 */
grammar Topology;

file       : statement* EOF ;

statement
    : ( importStmt
      | block
      | osStmt
      | cpuStmt
      | memoryStmt
      | hypervisorStmt
      | runtimeStmt
      | libraryStmt
      | imageStmt
      | privilegedStmt
      | shareStmt
      | nodesStmt
      | replicasStmt
      | languageStmt
      | requiresStmt
      | loadStmt
      ) SEMI?
    | SEMI
    ;

importStmt     : IMPORT STRING ;
block          : blockKeyword name LBRACE statement* RBRACE ;
blockKeyword   : HOST | VM | CONTAINER | CLUSTER | POD | MODULE ;

osStmt         : OS name STRING? ;
cpuStmt        : CPU NUMBER ;
memoryStmt     : MEMORY (QUANTITY | NUMBER) ;
hypervisorStmt : HYPERVISOR name STRING? ;
runtimeStmt    : RUNTIME name STRING? ;
libraryStmt    : LIBRARY name STRING ;
imageStmt      : IMAGE STRING ;
privilegedStmt : PRIVILEGED name ;
shareStmt      : SHARE name (COMMA name)* ;
nodesStmt      : NODES nodeRef (COMMA nodeRef)* ;
replicasStmt   : REPLICAS NUMBER ;
languageStmt   : LANGUAGE name ;
requiresStmt   : REQUIRES name STRING ;
loadStmt       : LOAD name ;

// A reference to a host or VM: its own rule so that completion knows what to offer.
nodeRef        : name ;

name
    : IDENT
    | IMPORT | HOST | VM | CONTAINER | CLUSTER | POD | MODULE
    | OS | CPU | MEMORY | HYPERVISOR | RUNTIME | LIBRARY | IMAGE | PRIVILEGED | SHARE
    | NODES | REPLICAS | LANGUAGE | REQUIRES | LOAD
    ;

IMPORT     : 'import' ;
HOST       : 'host' ;
VM         : 'vm' ;
CONTAINER  : 'container' ;
CLUSTER    : 'cluster' ;
POD        : 'pod' ;
MODULE     : 'module' ;
OS         : 'os' ;
CPU        : 'cpu' ;
MEMORY     : 'memory' ;
HYPERVISOR : 'hypervisor' ;
RUNTIME    : 'runtime' ;
LIBRARY    : 'library' ;
IMAGE      : 'image' ;
PRIVILEGED : 'privileged' ;
SHARE      : 'share' ;
NODES      : 'nodes' ;
REPLICAS   : 'replicas' ;
LANGUAGE   : 'language' ;
REQUIRES   : 'requires' ;
LOAD       : 'load' ;

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
