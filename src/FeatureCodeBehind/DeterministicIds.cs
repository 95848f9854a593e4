using System.Security.Cryptography;
using System.Text;
using Gherkin.CucumberMessages;

namespace FeatureCodeBehind;

/// <summary>
/// Ids for a feature's messages that depend only on the feature's uri and text, so that generated code and
/// messages are reproducible and ids of different features never collide: the n-th id is a name-based
/// (version 5 style) UUID of SHA-1(seed + n).
/// </summary>
internal sealed class DeterministicIds(string seed) : IIdGenerator
{
    private int _next;

    public string GetNewId()
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(seed + "#" + _next++));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
