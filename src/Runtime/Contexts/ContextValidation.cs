namespace Runtime.Contexts;

/// <summary>Argument rules shared by the factory and contexts.</summary>
internal static class ContextValidation
{
    /// <summary>Ids (model, tenant, metadata keys) must be non-null, non-empty, not only white space.</summary>
    public static void RequireId(string? value, string parameterName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName, $"The {Describe(parameterName)} is required.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"The {Describe(parameterName)} must not be empty or blank.", parameterName);
        }
    }

    private static string Describe(string parameterName) => parameterName switch
    {
        "modelId" => "model id",
        "tenantId" => "tenant id",
        _ => parameterName,
    };
}
