using System.Globalization;
using System.Text.Json;

namespace Bdd.Configuration;

/// <summary>Reads reqnroll.json into <see cref="BddConfiguration"/>, collecting unknown keys as warnings.</summary>
internal static class BddConfigurationReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public static BddConfiguration Read(string json, string filePath)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new BddConfigurationException(
                $"{filePath}({line},{column}): invalid JSON in the Reqnroll configuration: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new BddConfigurationException($"{filePath}: the Reqnroll configuration must be a JSON object, found {root.ValueKind}.");

            var warnings = new List<string>();
            string featureLanguage = BddConfigurationDefaults.FeatureLanguage;
            var bindingCulture = CultureInfo.GetCultureInfo(BddConfigurationDefaults.BindingCulture);
            var outcome = BddConfigurationDefaults.MissingOrPendingStepsOutcome;
            var stopAtFirstError = BddConfigurationDefaults.StopAtFirstError;
            IReadOnlyList<string> nonParallelTags = [];
            IReadOnlyList<string> bindingAssemblies = [];
            var formatters = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);

            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "$schema":
                        break;
                    case "language":
                        foreach (var p in Object(property, filePath))
                        {
                            switch (p.Name)
                            {
                                case "feature": featureLanguage = String(p, "language.feature", filePath); break;
                                case "binding": bindingCulture = Culture(p, filePath); break;
                                default: warnings.Add(Unknown(filePath, "language." + p.Name)); break;
                            }
                        }
                        break;
                    case "runtime":
                        foreach (var p in Object(property, filePath))
                        {
                            switch (p.Name)
                            {
                                case "missingOrPendingStepsOutcome": outcome = Outcome(p, filePath); break;
                                case "stopAtFirstError": stopAtFirstError = Bool(p, "runtime.stopAtFirstError", filePath); break;
                                default: warnings.Add(Unknown(filePath, "runtime." + p.Name)); break;
                            }
                        }
                        break;
                    case "generator":
                        foreach (var p in Object(property, filePath))
                        {
                            switch (p.Name)
                            {
                                case "addNonParallelizableMarkerForTags":
                                    nonParallelTags = Strings(p, "generator.addNonParallelizableMarkerForTags", filePath, null);
                                    break;
                                default: warnings.Add(Unknown(filePath, "generator." + p.Name)); break;
                            }
                        }
                        break;
                    case "bindingAssemblies":
                        bindingAssemblies = Strings(property, "bindingAssemblies", filePath, "assembly");
                        break;
                    case "formatters":
                        foreach (var p in Object(property, filePath))
                            formatters[p.Name] = p.Value.Clone();
                        break;
                    default:
                        warnings.Add(Unknown(filePath, property.Name));
                        break;
                }
            }

            return new BddConfiguration
            {
                FilePath = filePath,
                FeatureLanguage = featureLanguage,
                BindingCulture = bindingCulture,
                MissingOrPendingStepsOutcome = outcome,
                StopAtFirstError = stopAtFirstError,
                AddNonParallelizableMarkerForTags = nonParallelTags,
                BindingAssemblies = bindingAssemblies,
                Formatters = formatters,
                Warnings = warnings,
            };
        }
    }

    private static string Unknown(string filePath, string key) => $"{filePath}: unknown key '{key}' ignored.";

    private static JsonElement.ObjectEnumerator Object(JsonProperty property, string filePath)
    {
        if (property.Value.ValueKind != JsonValueKind.Object)
            throw Invalid(filePath, property.Name, "an object", property.Value);
        return property.Value.EnumerateObject();
    }

    private static string String(JsonProperty property, string key, string filePath)
    {
        if (property.Value.ValueKind != JsonValueKind.String)
            throw Invalid(filePath, key, "a string", property.Value);
        return property.Value.GetString()!;
    }

    private static bool Bool(JsonProperty property, string key, string filePath) => property.Value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid(filePath, key, "true or false", property.Value),
    };

    private static CultureInfo Culture(JsonProperty property, string filePath)
    {
        var name = String(property, "language.binding", filePath);
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true);
        }
        catch (CultureNotFoundException e)
        {
            throw new BddConfigurationException($"{filePath}: language.binding '{name}' is not a known culture.", e);
        }
    }

    private static MissingOrPendingStepsOutcome Outcome(JsonProperty property, string filePath)
    {
        var text = String(property, "runtime.missingOrPendingStepsOutcome", filePath);
        if (Enum.TryParse<MissingOrPendingStepsOutcome>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
            return value;
        throw new BddConfigurationException(
            $"{filePath}: runtime.missingOrPendingStepsOutcome must be Inconclusive, Ignore or Error, found '{text}'.");
    }

    /// <summary>An array of strings, or of objects carrying <paramref name="objectKey"/> (Reqnroll's bindingAssemblies form).</summary>
    private static List<string> Strings(JsonProperty property, string key, string filePath, string? objectKey)
    {
        if (property.Value.ValueKind != JsonValueKind.Array)
            throw Invalid(filePath, key, "an array", property.Value);
        var result = new List<string>();
        foreach (var item in property.Value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
                result.Add(item.GetString()!);
            else if (objectKey is not null && item.ValueKind == JsonValueKind.Object
                     && item.TryGetProperty(objectKey, out var name) && name.ValueKind == JsonValueKind.String)
                result.Add(name.GetString()!);
            else
                throw Invalid(filePath, key + "[]", objectKey is null ? "a string" : $"a string or {{\"{objectKey}\": \"...\"}}", item);
        }
        return result;
    }

    private static BddConfigurationException Invalid(string filePath, string key, string expected, JsonElement found)
        => new($"{filePath}: {key} must be {expected}, found {found.ValueKind} {found.GetRawText()}.");
}
