using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Bdd.Generator.Configuration
{
    /// <summary>
    /// A small, forgiving JSON reader for reqnroll.json (analyzers cannot load System.Text.Json): objects become
    /// dictionaries (keys case-insensitive), arrays lists, strings strings, numbers doubles, true/false bools,
    /// null null. It skips // and /* */ comments and trailing commas; on malformed input it returns what it read
    /// so far (null for nothing), never throws.
    /// </summary>
    internal sealed class TolerantJson
    {
        private readonly string _text;
        private int _position;

        private TolerantJson(string text) => _text = text;

        public static object? Parse(string text)
        {
            try
            {
                return new TolerantJson(text).ReadValue(depth: 0);
            }
            catch (System.IndexOutOfRangeException)
            {
                return null;
            }
        }

        private object? ReadValue(int depth)
        {
            SkipTrivia();
            if (_position >= _text.Length || depth > 64)
            {
                return null;
            }

            switch (_text[_position])
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return ReadString();
                default: return ReadLiteral();
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var result = new Dictionary<string, object?>(System.StringComparer.OrdinalIgnoreCase);
            _position++;
            while (true)
            {
                SkipTrivia();
                if (_position >= _text.Length) return result;
                var c = _text[_position];
                if (c == '}') { _position++; return result; }
                if (c == ',') { _position++; continue; }
                if (c != '"') return result;
                var key = ReadString();
                SkipTrivia();
                if (_position < _text.Length && _text[_position] == ':') _position++;
                result[key] = ReadValue(depth + 1);
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var result = new List<object?>();
            _position++;
            while (true)
            {
                SkipTrivia();
                if (_position >= _text.Length) return result;
                var c = _text[_position];
                if (c == ']') { _position++; return result; }
                if (c == ',') { _position++; continue; }
                var start = _position;
                result.Add(ReadValue(depth + 1));
                if (_position == start) return result;
            }
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            _position++;
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"') break;
                if (c != '\\' || _position >= _text.Length) { builder.Append(c); continue; }
                var escaped = _text[_position++];
                switch (escaped)
                {
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u' when _position + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default: builder.Append(escaped); break;
                }
            }

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
            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
            if (token.Length == 0) _position++;
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
                    _position = end < 0 ? _text.Length : end + 2;
                    continue;
                }

                return;
            }
        }
    }
}
