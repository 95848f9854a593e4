using System.Text;

namespace Bdd.Generator.Emitting
{
    /// <summary>Writes indented lines ("\n" line ends, 4-space indents) with brace blocks.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public void Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4).Append(text);
            }

            _builder.Append('\n');
        }

        /// <summary>Writes <paramref name="header"/> (when not null) then "{", and indents.</summary>
        public void Open(string? header)
        {
            if (header != null)
            {
                Line(header);
            }

            Line("{");
            _indent++;
        }

        public void Close()
        {
            _indent--;
            Line("}");
        }

        public override string ToString() => _builder.ToString();
    }
}
