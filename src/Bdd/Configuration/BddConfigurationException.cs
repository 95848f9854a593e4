namespace Bdd.Configuration;

/// <summary>reqnroll.json is not valid JSON or holds an invalid value; the message names the file and the position.</summary>
public sealed class BddConfigurationException : Exception
{
    /// <summary>With a message.</summary>
    public BddConfigurationException(string message) : base(message) { }

    /// <summary>With a message and the parser's exception.</summary>
    public BddConfigurationException(string message, Exception innerException) : base(message, innerException) { }
}
