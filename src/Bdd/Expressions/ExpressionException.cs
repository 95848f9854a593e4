namespace Bdd.Expressions;

/// <summary>A step definition's expression cannot be compiled (syntax error, unknown parameter type).</summary>
public sealed class ExpressionException : Exception
{
    /// <summary>With a message naming the expression and the problem.</summary>
    public ExpressionException(string message) : base(message) { }
}
