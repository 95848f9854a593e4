namespace Bdd;

/// <summary>Writes lines to the running scenario's test output. Injectable into bindings and hooks.</summary>
public interface IReqnrollOutputHelper
{
    /// <summary>Writes a line.</summary>
    void WriteLine(string message);

    /// <summary>Writes a formatted line (the binding culture formats the arguments).</summary>
    void WriteLine(string format, params object[] args);

    /// <summary>Writes an information line, prefixed "-> ".</summary>
    void WriteInfo(string message);

    /// <summary>Attaches a file to the scenario's report; writes "Attachment: path" to the output.</summary>
    void AddAttachment(string filePath);
}
