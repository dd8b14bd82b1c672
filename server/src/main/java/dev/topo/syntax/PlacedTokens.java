package dev.topo.syntax;

import dev.topo.syntax.DocumentSyntax.Segment;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;

/**
 * The tokens of a document's segments as one list with the document's offsets and indices,
 * made in O(segments) without copying: a token is wrapped, its offsets moved, when it is
 * read. A token whose segment has not moved (the whole text of a full parse, or what stands
 * before the first edit) is handed out as it is. The list ends with one end of file.
 */
final class PlacedTokens extends AbstractList<Token> implements RandomAccess {
  private final List<Segment> segments;
  /** Per segment: the index here of its first token, and of that token in its own tree. */
  private final int[] firstHere;
  private final int[] firstOwn;
  private final Token eof;
  private final int size;

  PlacedTokens(String text, List<Segment> segments) {
    this.segments = segments;
    this.firstHere = new int[segments.size()];
    this.firstOwn = new int[segments.size()];
    int count = 0;
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      List<Token> own = s.tree().tokens();
      firstHere[i] = count;
      firstOwn[i] = DocumentSyntax.firstAtOrAfter(own, Token::getStartIndex, s.from());
      count += endBefore(own, firstOwn[i], s.to()) - firstOwn[i];
    }
    CommonToken end = new CommonToken(Token.EOF, "<EOF>");
    end.setStartIndex(text.length());
    end.setStopIndex(text.length() - 1);
    end.setTokenIndex(count);
    this.eof = end;
    this.size = count + 1;
  }

  @Override
  public Token get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return index == size - 1 ? eof : at(segmentOf(index), index);
  }

  /** Walks the segments in order: what features that read every token do. */
  @Override
  public Iterator<Token> iterator() {
    return new Iterator<>() {
      private int index;
      private int segment;

      @Override
      public boolean hasNext() {
        return index < size;
      }

      @Override
      public Token next() {
        if (index >= size) {
          throw new NoSuchElementException();
        }
        if (index == size - 1) {
          index++;
          return eof;
        }
        while (segment + 1 < firstHere.length && firstHere[segment + 1] <= index) {
          segment++;
        }
        return at(segment, index++);
      }
    };
  }

  private Token at(int segment, int index) {
    Segment s = segments.get(segment);
    int own = firstOwn[segment] + index - firstHere[segment];
    Token token = s.tree().tokens().get(own);
    return s.shift() == 0 && own == index ? token : new Placed(token, s.shift(), index);
  }

  @Override
  public int size() {
    return size;
  }

  /** The last segment whose first token is at or before the index. */
  private int segmentOf(int index) {
    int lo = 0;
    int hi = firstHere.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (firstHere[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    // Segments without tokens share their first index with the next one: take the last.
    return lo;
  }

  /** The index after the last token from {@code first} on that starts before an offset and is not the end of file. */
  static int endBefore(List<Token> tokens, int first, int offset) {
    int end = DocumentSyntax.firstAtOrAfter(tokens, Token::getStartIndex, offset);
    while (end > first && tokens.get(end - 1).getType() == Token.EOF) {
      end--;
    }
    return Math.max(first, end);
  }

  /** A token read where its segment stands: its offsets moved, its index the document's. */
  private record Placed(Token token, int shift, int index) implements Token {
    @Override
    public String getText() {
      return token.getText();
    }

    @Override
    public int getType() {
      return token.getType();
    }

    /** The line and column in the text the token was parsed from: read offsets instead. */
    @Override
    public int getLine() {
      return token.getLine();
    }

    @Override
    public int getCharPositionInLine() {
      return token.getCharPositionInLine();
    }

    @Override
    public int getChannel() {
      return token.getChannel();
    }

    @Override
    public int getTokenIndex() {
      return index;
    }

    @Override
    public int getStartIndex() {
      return token.getStartIndex() + shift;
    }

    @Override
    public int getStopIndex() {
      return token.getStopIndex() + shift;
    }

    @Override
    public TokenSource getTokenSource() {
      return token.getTokenSource();
    }

    @Override
    public CharStream getInputStream() {
      return token.getInputStream();
    }
  }
}
