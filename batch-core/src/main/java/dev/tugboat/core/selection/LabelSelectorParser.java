package dev.tugboat.core.selection;

import dev.tugboat.core.selection.LabelRequirement.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Kubernetes label selector syntax, the grammar of apimachinery's {@code labels.Parse}
 * without the {@code <} and {@code >} operators (only node affinity uses them):
 *
 * <pre>
 * selector    := "" | requirement ("," requirement)*
 * requirement := "!" key | key | key ("=" | "==" | "!=") [value] | key ("in" | "notin") "(" values ")"
 * values      := [value] ("," [value])*
 * </pre>
 *
 * Words are runs of characters other than whitespace and {@code !=(),<>}, as in apimachinery's
 * lexer. Errors name the 1-based column where the problem starts.
 */
final class LabelSelectorParser {

  private enum TokenType {
    WORD,
    EQUALS,
    DOUBLE_EQUALS,
    NOT_EQUALS,
    NOT,
    OPEN,
    CLOSE,
    COMMA,
    COMPARISON,
    END
  }

  private record Token(TokenType type, String text, int column) {
    String describe() {
      return type == TokenType.END ? "end of input" : "'" + text + "'";
    }
  }

  private static final String SPECIAL = "!=(),<>";

  private final String input;
  private final List<Token> tokens;
  private int next;

  private LabelSelectorParser(String input) {
    this.input = input;
    this.tokens = tokenize(input);
  }

  static List<LabelRequirement> parse(String input) {
    return new LabelSelectorParser(input).selector();
  }

  private List<LabelRequirement> selector() {
    List<LabelRequirement> requirements = new ArrayList<>();
    if (peek().type() == TokenType.END) {
      return requirements;
    }
    while (true) {
      requirements.add(requirement());
      Token separator = take();
      if (separator.type() == TokenType.END) {
        return requirements;
      }
      if (separator.type() != TokenType.COMMA) {
        throw error(separator, "expected ',' or end of input but found " + separator.describe());
      }
    }
  }

  private LabelRequirement requirement() {
    Token first = take();
    if (first.type() == TokenType.NOT) {
      return new LabelRequirement(key(take()), Operator.DOES_NOT_EXIST, List.of());
    }
    String key = key(first);
    Token operator = peek();
    switch (operator.type()) {
      case COMMA, END:
        return new LabelRequirement(key, Operator.EXISTS, List.of());
      case EQUALS, DOUBLE_EQUALS:
        take();
        return new LabelRequirement(key, Operator.EQUALS, List.of(exactValue()));
      case NOT_EQUALS:
        take();
        return new LabelRequirement(key, Operator.NOT_EQUALS, List.of(exactValue()));
      case COMPARISON:
        throw error(operator, "operator " + operator.describe() + " is not supported");
      case WORD:
        if (operator.text().equals("in") || operator.text().equals("notin")) {
          take();
          Operator setOperator = operator.text().equals("in") ? Operator.IN : Operator.NOT_IN;
          return new LabelRequirement(key, setOperator, valueSet(operator));
        }
        break;
      default:
        break;
    }
    throw error(
        operator,
        "expected an operator (=, ==, !=, in, notin), ',' or end of input after key '"
            + key
            + "' but found "
            + operator.describe());
  }

  private String key(Token token) {
    if (token.type() != TokenType.WORD) {
      throw error(token, "expected a label key but found " + token.describe());
    }
    LabelSyntax.keyProblem(token.text())
        .ifPresent(
            problem -> {
              throw error(token, "invalid key '" + token.text() + "': " + problem);
            });
    return token.text();
  }

  /** {@code a=} is valid and means "the label is present with an empty value". */
  private String exactValue() {
    Token token = peek();
    if (token.type() == TokenType.COMMA || token.type() == TokenType.END) {
      return "";
    }
    if (token.type() != TokenType.WORD) {
      throw error(token, "expected a label value but found " + token.describe());
    }
    return value(take());
  }

  private List<String> valueSet(Token operator) {
    Token open = take();
    if (open.type() != TokenType.OPEN) {
      throw error(
          open, "expected '(' after '" + operator.text() + "' but found " + open.describe());
    }
    List<String> values = new ArrayList<>();
    boolean empty = true;
    while (true) {
      Token token = take();
      if (token.type() == TokenType.WORD) {
        values.add(value(token));
        empty = false;
        token = take();
      } else {
        // An item left out between commas is the empty value, as in apimachinery.
        values.add("");
      }
      if (token.type() == TokenType.CLOSE) {
        break;
      }
      if (token.type() != TokenType.COMMA) {
        throw error(token, "expected ',' or ')' in the value list but found " + token.describe());
      }
      empty = false;
    }
    if (empty) {
      throw error(open, "the value list of '" + operator.text() + "' must not be empty");
    }
    return values;
  }

  private String value(Token token) {
    LabelSyntax.valueProblem(token.text())
        .ifPresent(
            problem -> {
              throw error(token, "invalid value '" + token.text() + "': " + problem);
            });
    return token.text();
  }

  private Token peek() {
    return tokens.get(next);
  }

  private Token take() {
    Token token = tokens.get(next);
    if (token.type() != TokenType.END) {
      next++;
    }
    return token;
  }

  private IllegalArgumentException error(Token token, String problem) {
    return new IllegalArgumentException(
        "Invalid label selector \"" + input + "\" at column " + token.column() + ": " + problem);
  }

  private static List<Token> tokenize(String input) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      int column = i + 1;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (SPECIAL.indexOf(c) < 0) {
        int start = i;
        while (i < input.length()
            && !Character.isWhitespace(input.charAt(i))
            && SPECIAL.indexOf(input.charAt(i)) < 0) {
          i++;
        }
        tokens.add(new Token(TokenType.WORD, input.substring(start, i), column));
      } else {
        boolean followedByEquals = i + 1 < input.length() && input.charAt(i + 1) == '=';
        TokenType type =
            switch (c) {
              case '!' -> followedByEquals ? TokenType.NOT_EQUALS : TokenType.NOT;
              case '=' -> followedByEquals ? TokenType.DOUBLE_EQUALS : TokenType.EQUALS;
              case '(' -> TokenType.OPEN;
              case ')' -> TokenType.CLOSE;
              case ',' -> TokenType.COMMA;
              default -> TokenType.COMPARISON;
            };
        int length = (type == TokenType.NOT_EQUALS || type == TokenType.DOUBLE_EQUALS) ? 2 : 1;
        tokens.add(new Token(type, input.substring(i, i + length), column));
        i += length;
      }
    }
    tokens.add(new Token(TokenType.END, "", input.length() + 1));
    return tokens;
  }
}
