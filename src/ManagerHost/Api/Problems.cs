using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ManagerHost.Api;

/// <summary>RFC 9457 problem details carrying the runtime's own message and the action's correlation id.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail, string correlationId) =>
        Of(StatusCodes.Status404NotFound, "Unknown pool", detail, correlationId);

    public static ProblemHttpResult Refused(string title, string detail, string correlationId) =>
        Of(StatusCodes.Status409Conflict, title, detail, correlationId);

    public static ProblemHttpResult BadRequest(string detail, string correlationId) =>
        Of(StatusCodes.Status400BadRequest, "Invalid request", detail, correlationId);

    public static ProblemHttpResult Failed(string title, string detail, string correlationId) =>
        Of(StatusCodes.Status500InternalServerError, title, detail, correlationId);

    private static ProblemHttpResult Of(int status, string title, string detail, string correlationId) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title,
            extensions: new Dictionary<string, object?> { ["correlationId"] = correlationId });
}
