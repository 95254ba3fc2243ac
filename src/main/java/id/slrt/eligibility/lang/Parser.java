package id.slrt.eligibility.lang;

import id.slrt.eligibility.lang.Expr.Op;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a rule's text into an {@link Expr}. The grammar, keywords case-insensitive, {@code #} starts a
 * comment to the end of the line:
 *
 * <pre>
 * rule       := or
 * or         := and ('or' and)*
 * and        := unary ('and' unary)*
 * unary      := 'not' unary | primary
 * primary    := '(' or ')'
 *             | 'any' 'member' '(' or ')'
 *             | 'count' 'members' '(' or ')' compare-op number
 *             | field compare-op value
 *             | field ['not'] 'in' '(' value (',' value)* ')'
 *             | field 'between' value 'and' value
 * compare-op := '=' | '!=' | '&lt;&gt;' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
 * value      := number | 'text' (a quote inside is doubled)
 * </pre>
 *
 * A syntax error stops the parse and points at the token where it was found.
 */
public final class Parser {
    public static final int MAX_LENGTH = 4000;
    private static final List<String> KEYWORDS = List.of("and", "or", "not", "any", "member", "members", "count", "in",
            "between");

    private enum Kind { WORD, NUMBER, TEXT, OPEN, CLOSE, COMMA, OPERATOR, END }

    private record Token(Kind kind, String text, Object value, Span span) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }
    }

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private Parser(String source) {
        this.source = source;
        this.tokens = lex(source);
    }

    public static Expr parse(String text) {
        if (text == null || text.isBlank() || onlyComments(text)) {
            throw new RuleException(new RuleError("eligibility.rule.error.empty", List.of(), 0, 1));
        }
        if (text.length() > MAX_LENGTH) {
            throw new RuleException(new RuleError("eligibility.rule.error.too-long",
                    List.of(String.valueOf(MAX_LENGTH)), MAX_LENGTH, text.length()));
        }
        Parser p = new Parser(text);
        Expr e = p.or();
        Token t = p.peek();
        if (t.kind != Kind.END) {
            throw p.unexpected(t, "eligibility.rule.expect.and-or");
        }
        return e;
    }

    private static boolean onlyComments(String text) {
        return text.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"));
    }

    // --- grammar ---------------------------------------------------------------------------------

    private Expr or() {
        Expr left = and();
        while (peek().is("or")) {
            next();
            Expr right = and();
            left = new Expr.Or(left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Expr and() {
        Expr left = unary();
        while (peek().is("and")) {
            next();
            Expr right = unary();
            left = new Expr.And(left, right, left.span().to(right.span()));
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.is("not")) {
            next();
            Expr operand = unary();
            return new Expr.Not(operand, t.span.to(operand.span()));
        }
        return primary();
    }

    private Expr primary() {
        Token t = peek();
        if (t.kind == Kind.OPEN) {
            next();
            Expr inner = or();
            Token close = expect(Kind.CLOSE, ")");
            return withSpan(inner, t.span.to(close.span));
        }
        if (t.is("any")) {
            next();
            expectWord("member");
            expect(Kind.OPEN, "(");
            Expr condition = or();
            Token close = expect(Kind.CLOSE, ")");
            return new Expr.AnyMember(condition, t.span.to(close.span));
        }
        if (t.is("count")) {
            next();
            expectWord("members");
            expect(Kind.OPEN, "(");
            Expr condition = or();
            expect(Kind.CLOSE, ")");
            Op op = compareOp();
            Token n = next();
            if (n.kind != Kind.NUMBER) {
                throw unexpected(n, "eligibility.rule.expect.number");
            }
            return new Expr.CountMembers(condition, op, (BigDecimal) n.value, t.span.to(n.span));
        }
        if (t.kind == Kind.WORD && !KEYWORDS.contains(t.text.toLowerCase(Locale.ROOT))) {
            return comparison();
        }
        throw unexpected(t, "eligibility.rule.expect.condition");
    }

    private Expr comparison() {
        Token name = next();
        String written = name.text;
        boolean member = !written.toLowerCase(Locale.ROOT).startsWith("household.");
        String field = written.toLowerCase(Locale.ROOT);
        if (field.startsWith("member.")) {
            field = field.substring("member.".length());
        } else if (!member) {
            field = field.substring("household.".length());
        }
        Expr.FieldRef ref = new Expr.FieldRef(field, member, name.span);
        Token t = peek();
        if (t.is("between")) {
            next();
            Expr.Literal low = value();
            expectWord("and");
            Expr.Literal high = value();
            return new Expr.Compare(ref, Op.BETWEEN, List.of(low, high), name.span.to(high.span()));
        }
        boolean negated = false;
        if (t.is("not")) {
            next();
            negated = true;
            if (!peek().is("in")) {
                throw unexpected(peek(), "eligibility.rule.expect.token", "in");
            }
        }
        if (peek().is("in")) {
            next();
            expect(Kind.OPEN, "(");
            List<Expr.Literal> values = new ArrayList<>();
            values.add(value());
            while (peek().kind == Kind.COMMA) {
                next();
                values.add(value());
            }
            Token close = expect(Kind.CLOSE, ")");
            return new Expr.Compare(ref, negated ? Op.NOT_IN : Op.IN, values, name.span.to(close.span));
        }
        Op op = compareOp();
        Expr.Literal v = value();
        return new Expr.Compare(ref, op, List.of(v), name.span.to(v.span()));
    }

    private Op compareOp() {
        Token t = next();
        if (t.kind != Kind.OPERATOR) {
            throw unexpected(t, "eligibility.rule.expect.operator");
        }
        return switch (t.text) {
            case "=", "==" -> Op.EQ;
            case "!=", "<>" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            default -> Op.GE;
        };
    }

    private Expr.Literal value() {
        Token t = next();
        if (t.kind == Kind.NUMBER || t.kind == Kind.TEXT) {
            return new Expr.Literal(t.value, t.span);
        }
        throw unexpected(t, "eligibility.rule.expect.value");
    }

    /** A parenthesised condition spans its parentheses, so an error about it points at all of it. */
    private static Expr withSpan(Expr e, Span span) {
        if (e instanceof Expr.And a) {
            return new Expr.And(a.left(), a.right(), span);
        }
        if (e instanceof Expr.Or o) {
            return new Expr.Or(o.left(), o.right(), span);
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(n.operand(), span);
        }
        if (e instanceof Expr.AnyMember a) {
            return new Expr.AnyMember(a.condition(), span);
        }
        if (e instanceof Expr.CountMembers c) {
            return new Expr.CountMembers(c.condition(), c.op(), c.count(), span);
        }
        Expr.Compare c = (Expr.Compare) e;
        return new Expr.Compare(c.field(), c.op(), c.values(), span);
    }

    // --- tokens ----------------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.END) {
            pos++;
        }
        return t;
    }

    private Token expect(Kind kind, String symbol) {
        Token t = next();
        if (t.kind != kind) {
            throw unexpected(t, "eligibility.rule.expect.token", symbol);
        }
        return t;
    }

    private void expectWord(String word) {
        Token t = next();
        if (!t.is(word)) {
            throw unexpected(t, "eligibility.rule.expect.token", word);
        }
    }

    /** "Expected …, found …": {@code expected} is a message key (its argument, if any, a literal token). */
    private RuleException unexpected(Token found, String expected, String... expectedArgs) {
        List<String> args = new ArrayList<>();
        args.add(expected);
        args.addAll(List.of(expectedArgs));
        if (found.kind == Kind.END) {
            return new RuleException(new RuleError("eligibility.rule.error.unexpected-end", args, found.span.start(),
                    found.span.end()));
        }
        args.add(0, found.text);
        return new RuleException(new RuleError("eligibility.rule.error.unexpected", args, found.span.start(),
                found.span.end()));
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.COMMA, String.valueOf(c), null,
                        new Span(i, i + 1)));
                i++;
            } else if (c == '\'') {
                int start = i++;
                StringBuilder sb = new StringBuilder();
                boolean closed = false;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d == '\'') {
                        if (i + 1 < n && s.charAt(i + 1) == '\'') {
                            sb.append('\'');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    if (d == '\n') {
                        break;
                    }
                    sb.append(d);
                    i++;
                }
                if (!closed) {
                    throw new RuleException(new RuleError("eligibility.rule.error.unterminated-text", List.of(), start, i));
                }
                out.add(new Token(Kind.TEXT, s.substring(start, i), sb.toString(), new Span(start, i)));
            } else if (c >= '0' && c <= '9') {
                int start = i;
                while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                    i++;
                }
                if (i + 1 < n && s.charAt(i) == '.' && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
                    i++;
                    while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                        i++;
                    }
                }
                if (i < n && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
                    int end = i;
                    while (end < n && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) {
                        end++;
                    }
                    throw new RuleException(new RuleError("eligibility.rule.error.bad-number",
                            List.of(s.substring(start, end)), start, end));
                }
                String digits = s.substring(start, i);
                if (digits.length() > 12) {
                    throw new RuleException(new RuleError("eligibility.rule.error.bad-number", List.of(digits), start, i));
                }
                out.add(new Token(Kind.NUMBER, digits, new BigDecimal(digits), new Span(start, i)));
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
                int start = i;
                while (i < n && (isWordChar(s.charAt(i)) || (s.charAt(i) == '.' && i + 1 < n && isWordChar(s.charAt(i + 1))))) {
                    i++;
                }
                out.add(new Token(Kind.WORD, s.substring(start, i), null, new Span(start, i)));
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                int start = i;
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("<>") || two.equals("==")) {
                    i += 2;
                } else if (c == '!') {
                    throw new RuleException(new RuleError("eligibility.rule.error.bad-char", List.of("!"), i, i + 1));
                } else {
                    i++;
                }
                out.add(new Token(Kind.OPERATOR, s.substring(start, i), null, new Span(start, i)));
            } else {
                int cp = s.codePointAt(i);
                throw new RuleException(new RuleError("eligibility.rule.error.bad-char",
                        List.of(new String(Character.toChars(cp))), i, i + Character.charCount(cp)));
            }
        }
        out.add(new Token(Kind.END, "", null, new Span(n, n + 1)));
        return out;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    @Override
    public String toString() {
        return source;
    }
}
