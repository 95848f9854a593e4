using System.Collections.Generic;
using System.Linq;

namespace Bdd.Gherkin.Parsing
{
    /// <summary>An open grammar rule while parsing: the tokens and finished child nodes under it.</summary>
    internal sealed class AstNode
    {
        private readonly Dictionary<RuleType, List<object?>> nodes = new Dictionary<RuleType, List<object?>>();
        private readonly Dictionary<TokenType, List<Token>> tokens = new Dictionary<TokenType, List<Token>>();

        public AstNode(RuleType ruleType)
        {
            RuleType = ruleType;
        }

        public RuleType RuleType { get; }

        public void Add(RuleType ruleType, object? node)
        {
            if (!nodes.TryGetValue(ruleType, out var list))
            {
                list = new List<object?>();
                nodes.Add(ruleType, list);
            }

            list.Add(node);
        }

        public void Add(Token token)
        {
            if (!tokens.TryGetValue(token.MatchedType, out var list))
            {
                list = new List<Token>();
                tokens.Add(token.MatchedType, list);
            }

            list.Add(token);
        }

        public T? GetSingle<T>(RuleType ruleType)
            where T : class =>
            nodes.TryGetValue(ruleType, out var list) && list.Count > 0 ? list[0] as T : null;

        public IReadOnlyList<T> GetItems<T>(RuleType ruleType)
            where T : class =>
            nodes.TryGetValue(ruleType, out var list) ? list.OfType<T>().ToList() : new List<T>();

        public Token? GetToken(TokenType tokenType) =>
            tokens.TryGetValue(tokenType, out var list) && list.Count > 0 ? list[0] : null;

        public IReadOnlyList<Token> GetTokens(TokenType tokenType) =>
            tokens.TryGetValue(tokenType, out var list) ? list : new List<Token>();
    }
}
