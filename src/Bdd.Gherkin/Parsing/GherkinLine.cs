// Ported from GherkinLine.ts of @cucumber/gherkin (MIT, Copyright (c) Cucumber Ltd and contributors).
using System;
using System.Collections.Generic;
using System.Text;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>One source line with its indentation removed, and the cell and tag splitting rules.</summary>
    internal sealed class GherkinLine
    {
        public GherkinLine(string lineText, int lineNumber)
        {
            LineText = lineText;
            LineNumber = lineNumber;
            TrimmedLineText = JsText.TrimStart(lineText);
            Indent = JsText.CountSymbols(lineText) - JsText.CountSymbols(TrimmedLineText);
        }

        public string LineText { get; }

        public int LineNumber { get; }

        public string TrimmedLineText { get; }

        public bool IsEmpty => TrimmedLineText.Length == 0;

        /// <summary>Leading whitespace, in code points.</summary>
        public int Indent { get; }

        public bool StartsWith(string prefix) => TrimmedLineText.StartsWith(prefix, StringComparison.Ordinal);

        public bool StartsWithTitleKeyword(string keyword) => StartsWith(keyword + ":");

        /// <summary>The line without up to <paramref name="indentToRemove"/> leading characters (negative: fully trimmed).</summary>
        public string GetLineText(int indentToRemove) =>
            indentToRemove < 0 || indentToRemove > Indent ? TrimmedLineText : LineText.Substring(indentToRemove);

        public string GetRestTrimmed(int length) =>
            JsText.Trim(length >= TrimmedLineText.Length ? "" : TrimmedLineText.Substring(length));

        /// <summary>Cells between pipes, unescaping \| \\ and \n, trimmed, with their columns.</summary>
        public IReadOnlyList<LineSpan> GetTableCells()
        {
            var cells = new List<LineSpan>();
            var text = TrimmedLineText;
            var col = 0;
            var startCol = col + 1;
            var cell = new StringBuilder();
            var firstCell = true;
            while (col < text.Length)
            {
                var chr = text[col];
                col++;
                if (chr == '|')
                {
                    if (firstCell)
                    {
                        firstCell = false; // content before the first pipe is skipped
                    }
                    else
                    {
                        var value = cell.ToString();
                        var left = 0;
                        while (left < value.Length && IsCellSpace(value[left]))
                        {
                            left++;
                        }

                        var right = value.Length;
                        while (right > left && IsCellSpace(value[right - 1]))
                        {
                            right--;
                        }

                        cells.Add(new LineSpan(Indent + startCol + left, value.Substring(left, right - left)));
                    }

                    cell.Clear();
                    startCol = col + 1;
                }
                else if (chr == '\\')
                {
                    if (col >= text.Length)
                    {
                        cell.Append('\\');
                        break; // a trailing backslash never ends up in a cell
                    }

                    chr = text[col];
                    col++;
                    if (chr == 'n')
                    {
                        cell.Append('\n');
                    }
                    else
                    {
                        if (chr != '|' && chr != '\\')
                        {
                            cell.Append('\\');
                        }

                        cell.Append(chr);
                    }
                }
                else
                {
                    cell.Append(chr);
                }
            }

            return cells;
        }

        /// <summary>
        /// Tags on the line, up to a " #" comment. Throws <see cref="GherkinException"/> for a tag
        /// containing whitespace ("A tag may not contain whitespace").
        /// </summary>
        public IReadOnlyList<LineSpan> GetTags()
        {
            var uncommented = TrimmedLineText;
            for (var i = 0; i + 1 < uncommented.Length; i++)
            {
                if (JsText.IsWhiteSpace(uncommented[i]) && uncommented[i + 1] == '#')
                {
                    uncommented = uncommented.Substring(0, i);
                    break;
                }
            }

            var column = Indent + 1;
            var tags = new List<LineSpan>();
            foreach (var rawItem in uncommented.Split('@'))
            {
                var item = JsText.TrimEnd(rawItem);
                if (item.Length == 0)
                {
                    continue;
                }

                foreach (var c in item)
                {
                    if (JsText.IsWhiteSpace(c))
                    {
                        throw new GherkinException("A tag may not contain whitespace", LineNumber, column);
                    }
                }

                tags.Add(new LineSpan(column, "@" + item));
                column += JsText.CountSymbols(rawItem) + 1;
            }

            return tags;
        }

        // The reference trims cells of [ \t\v\f\r\u0085\u00A0] only (so a cell keeps "\n" from "\n" escapes).
        private static bool IsCellSpace(char c) =>
            c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\u0085' || c == '\u00A0';
    }
}
