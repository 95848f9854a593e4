using System.Collections.Generic;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>The state of one parse: where tokens come from, looked-ahead tokens, errors so far.</summary>
    internal sealed class ParserContext
    {
        public ParserContext(TokenScanner scanner)
        {
            Scanner = scanner;
        }

        public TokenScanner Scanner { get; }

        public Queue<Token> TokenQueue { get; } = new Queue<Token>();

        public List<GherkinException> Errors { get; } = new List<GherkinException>();
    }
}
