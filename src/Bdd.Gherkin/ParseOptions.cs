namespace Bdd.Gherkin
{
    /// <summary>Options of <see cref="GherkinParser.Parse"/>.</summary>
    public sealed class ParseOptions
    {
        /// <summary>
        /// Dialect used when the file has no <c># language: xx</c> header. Default "en". An unknown
        /// code is reported as a parse error "(1:1): Language not supported: xx".
        /// </summary>
        public string DefaultLanguage { get; set; } = "en";

        /// <summary>
        /// Id source for AST nodes. Null: a new <see cref="IncrementingIdGenerator"/> per call (ids
        /// "0", "1", ... within the document, as in Cucumber's test data); pass one shared generator
        /// here and to <see cref="PickleCompiler.Compile"/> when the ids must be unique across both.
        /// </summary>
        public IIdGenerator? IdGenerator { get; set; }
    }
}
