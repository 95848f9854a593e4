using System;
using System.Threading;

namespace Bdd.Gherkin
{
    /// <summary>Hands out the ids of AST nodes and pickles. Must never return the same id twice.</summary>
    public interface IIdGenerator
    {
        /// <summary>Returns a new, unique id.</summary>
        string NewId();
    }

    /// <summary>
    /// Ids "0", "1", "2", ... in call order, as Cucumber's <c>IdGenerator.incrementing()</c>: the
    /// reference test data and <c>Bdd.Cli messages</c> use it. Thread-safe. Share one instance between
    /// parsing and compiling (and between files of one run) to keep ids unique.
    /// </summary>
    public sealed class IncrementingIdGenerator : IIdGenerator
    {
        private int next = -1;

        /// <inheritdoc />
        public string NewId() => Interlocked.Increment(ref next).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Random UUIDs ("0b9d8f5e-..."), as Cucumber's <c>IdGenerator.uuid()</c>. Thread-safe.</summary>
    public sealed class GuidIdGenerator : IIdGenerator
    {
        /// <inheritdoc />
        public string NewId() => Guid.NewGuid().ToString();
    }
}
