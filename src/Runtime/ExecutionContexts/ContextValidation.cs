namespace Runtime.ExecutionContexts;

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

    /// <summary>
    /// Tenant and model ids must also name something: a placeholder (<c>default</c> in any case, or the all-zero
    /// GUID in any format) is what a caller passes when it forgot to pass the real id, and would let unrelated
    /// callers share one tenant's contexts and limits.
    /// </summary>
    public static void RequireRealId(string? value, string parameterName)
    {
        RequireId(value, parameterName);
        var trimmed = value!.Trim();
        if (trimmed.Equals("default", StringComparison.OrdinalIgnoreCase) || (Guid.TryParse(trimmed, out var guid) && guid == Guid.Empty))
        {
            throw new ArgumentException($"The {Describe(parameterName)} must name a real {Describe(parameterName)[..^3]}, not the placeholder \"{value}\".", parameterName);
        }
    }

    private static string Describe(string parameterName) => parameterName switch
    {
        "modelId" => "model id",
        "tenantId" => "tenant id",
        _ => parameterName,
    };
}
