using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bdd.Generator.Configuration
{
    /// <summary>
    /// A small, forgiving JSON reader for reqnroll.json (analyzers cannot load System.Text.Json): objects become
    /// dictionaries (keys case-insensitive), arrays lists, strings strings, numbers doubles, true/false bools,
    /// null null. It accepts what the runtime accepts (// and /* */ comments, trailing commas); on malformed input
    /// it returns what it read so far (null for nothing) plus the first <see cref="JsonSyntaxError"/>, never throws.
    /// Every value's character span is kept by path ("generator.addNonParallelizableMarkerForTags[0]", "" for the root).
    /// </summary>
    internal sealed class TolerantJson
    {
        private const int MaxDepth = 64;
        private static readonly Regex Number = new Regex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);

        private readonly string _text;
        private readonly Dictionary<string, JsonSpan> _spans = new Dictionary<string, JsonSpan>(System.StringComparer.OrdinalIgnoreCase);
        private JsonSyntaxError? _error;
        private int _position;

        private TolerantJson(string text) => _text = text;

        /// <summary>The value read from <paramref name="text"/> (what was read so far when it is malformed).</summary>
        public static object? Parse(string text) => Read(text).Value;

        /// <summary>Reads <paramref name="text"/>: the value, the first syntax error (null when valid) and the value spans.</summary>
        public static JsonDocumentRead Read(string text)
        {
            var reader = new TolerantJson(text);
            object? value = null;
            try
            {
                reader.SkipTrivia();
                if (reader._position >= text.Length)
                {
                    reader.Fail(reader._position, "the file is empty");
                }
                else
                {
                    value = reader.ReadValue(depth: 0, path: string.Empty);
                    reader.SkipTrivia();
                    if (reader._position < text.Length)
                    {
                        reader.Fail(reader._position, "unexpected '" + text[reader._position] + "' after the end of the JSON value");
                    }
                }
            }
            catch (System.IndexOutOfRangeException)
            {
                reader.Fail(text.Length, "unexpected end of file");
            }

            return new JsonDocumentRead(value, reader._error, reader._spans);
        }

        private void Fail(int position, string message)
        {
            if (_error == null)
            {
                _error = new JsonSyntaxError(position, position < _text.Length ? 1 : 0, message);
            }
        }

        private object? ReadValue(int depth, string path)
        {
            SkipTrivia();
            var start = _position;
            if (_position >= _text.Length)
            {
                Fail(_position, "unexpected end of file, expected a value");
                return null;
            }

            if (depth > MaxDepth)
            {
                Fail(_position, "nesting deeper than " + MaxDepth + " levels");
                return null;
            }

            object? value;
            switch (_text[_position])
            {
                case '{': value = ReadObject(depth, path); break;
                case '[': value = ReadArray(depth, path); break;
                case '"': value = ReadString(); break;
                default: value = ReadLiteral(); break;
            }

            _spans[path] = new JsonSpan(start, _position - start);
            return value;
        }

        private Dictionary<string, object?> ReadObject(int depth, string path)
        {
            var result = new Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
            _position++;
            var afterValue = false;
            while (true)
            {
                SkipTrivia();
                if (_position >= _text.Length) { Fail(_position, "unexpected end of file, expected '}'"); return result; }
                var c = _text[_position];
                if (c == '}') { _position++; return result; }
                if (afterValue)
                {
                    if (c == ',') { _position++; afterValue = false; continue; }
                    Fail(_position, "expected ',' or '}'");
                }
                else if (c == ',')
                {
                    Fail(_position, "expected a property name or '}'");
                    _position++;
                    continue;
                }

                if (c != '"') { Fail(_position, "expected a property name in double quotes or '}'"); return result; }
                var key = ReadString();
                SkipTrivia();
                if (_position < _text.Length && _text[_position] == ':') _position++;
                else Fail(_position, "expected ':'");
                result[key] = ReadValue(depth + 1, path.Length == 0 ? key : path + "." + key);
                afterValue = true;
            }
        }

        private List<object?> ReadArray(int depth, string path)
        {
            var result = new List<object?>();
            _position++;
            var afterValue = false;
            while (true)
            {
                SkipTrivia();
                if (_position >= _text.Length) { Fail(_position, "unexpected end of file, expected ']'"); return result; }
                var c = _text[_position];
                if (c == ']') { _position++; return result; }
                if (afterValue)
                {
                    if (c == ',') { _position++; afterValue = false; continue; }
                    Fail(_position, "expected ',' or ']'");
                }
                else if (c == ',')
                {
                    Fail(_position, "expected a value or ']'");
                    _position++;
                    continue;
                }

                var start = _position;
                result.Add(ReadValue(depth + 1, path + "[" + result.Count.ToString(CultureInfo.InvariantCulture) + "]"));
                if (_position == start) return result;
                afterValue = true;
            }
        }

        private string ReadString()
        {
            var start = _position;
            var builder = new StringBuilder();
            _position++;
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"') return builder.ToString();
                if (c < ' ') Fail(_position - 1, "control character in a string (escape it)");
                if (c != '\\' || _position >= _text.Length) { builder.Append(c); continue; }
                var escaped = _text[_position++];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case '"': case '\\': case '/': builder.Append(escaped); break;
                    case 'u' when _position + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        Fail(_position - 2, "invalid escape '\\" + escaped + "' in a string");
                        builder.Append(escaped);
                        break;
                }
            }

            Fail(start, "unterminated string");
            return builder.ToString();
        }

        private object? ReadLiteral()
        {
            var start = _position;
            while (_position < _text.Length && "{}[],:\"".IndexOf(_text[_position]) < 0 && !char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }

            var token = _text.Substring(start, _position - start);
            if (token == "true") return true;
            if (token == "false") return false;
            if (token == "null") return null;
            if (Number.IsMatch(token) && double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
            if (token.Length == 0)
            {
                Fail(start, "expected a value, found '" + _text[start] + "'");
                _position++;
            }
            else
            {
                Fail(start, "invalid value '" + token + "'");
            }

            return null;
        }

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (char.IsWhiteSpace(c) || c == '\uFEFF') { _position++; continue; }
                if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n') _position++;
                    continue;
                }

                if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                    if (end < 0) Fail(_position, "unterminated comment");
                    _position = end < 0 ? _text.Length : end + 2;
                    continue;
                }

                return;
            }
        }
    }
}
