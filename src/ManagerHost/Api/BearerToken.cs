using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ManagerHost.Api;

/// <summary>
/// With a token configured, every request but the probes (<c>/healthz</c>, <c>/readyz</c>) must carry
/// <c>Authorization: Bearer TOKEN</c>; without it the answer is 401 as problem details. Compared in constant time.
/// </summary>
internal static class BearerToken
{
    public static readonly string[] OpenPaths = ["/healthz", "/readyz"];

    public static void UseBearerToken(this WebApplication app, string? token)
    {
        if (token is null)
        {
            return;
        }

        var expected = Encoding.UTF8.GetBytes($"Bearer {token}");
        app.Use(async (http, next) =>
        {
            if (OpenPaths.Contains(http.Request.Path.Value, StringComparer.Ordinal)
                || CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString()), expected))
            {
                await next(http);
                return;
            }

            http.Response.Headers.WWWAuthenticate = "Bearer";
            await TypedResults.Problem(
                detail: "this manager answers only requests with its bearer token (Authorization: Bearer TOKEN)",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized").ExecuteAsync(http);
        });
    }
}
