package dev.topo.syntax;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's recovery, except before the first statement of a file or of a block. There, two
 * or more tokens that cannot start a statement (a shebang line, a merge-conflict marker,
 * "hst web" typed for "host web") made ANTLR give up the whole rule: everything after them
 * in the file, or in the block, was lost to the analysis, which then said only "unexpected
 * character". After the first statement ANTLR already reports the first unwanted token and
 * skips to one that can go on; this does the same before it.
 */
final class LoopEntryRecovery extends DefaultErrorStrategy {
  @Override
  public void sync(Parser recognizer) {
    ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
    if (state.getStateType() != ATNState.STAR_LOOP_ENTRY || inErrorRecoveryMode(recognizer)) {
      super.sync(recognizer);
      return;
    }
    IntervalSet next = recognizer.getATN().nextTokens(state);
    int la = recognizer.getInputStream().LA(1);
    if (next.contains(la) || next.contains(Token.EPSILON)) {
      super.sync(recognizer);
      return;
    }
    if (singleTokenDeletion(recognizer) != null) {
      return; // one stray token: ANTLR's own repair
    }
    reportUnwantedToken(recognizer);
    consumeUntil(recognizer, next.or(getErrorRecoverySet(recognizer)));
  }
}
