using Microsoft.AspNetCore.Routing.Constraints;
using Microsoft.AspNetCore.Routing.Template;

namespace ForumHub.Api.Infrastructure;

/// <summary>
/// The answer for /api requests no endpoint took. The /api fallback route outranks routing's own 405 and 415 answers
/// (a fallback matches any path and verb), so it tells them apart itself: a path no endpoint has is 404 not_found; a
/// known path with another verb is 405 method_not_allowed with an Allow header; a known path and verb whose body is not
/// JSON is 415 invalid_request. Route constraints count (a meeting id that is not a UUID is an unknown path).
/// </summary>
public sealed class ApiFallback(EndpointDataSource endpoints, IInlineConstraintResolver constraints)
{
    private sealed record Route(TemplateMatcher Matcher, Dictionary<string, IRouteConstraint> Constraints, IReadOnlyList<string> Methods);

    private readonly Lazy<IReadOnlyList<Route>> _routes = new(() => Build(endpoints, constraints));

    public IResult Answer(HttpContext http)
    {
        var path = http.Request.Path;
        var methods = _routes.Value.Where(r => Matches(r, path, http)).SelectMany(r => r.Methods).Distinct().ToList();
        if (methods.Count == 0)
            return Problems.Problem(StatusCodes.Status404NotFound, "not_found", "There is nothing at this address.");
        if (!methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
        {
            http.Response.Headers.Allow = string.Join(", ", methods);
            return Problems.Problem(StatusCodes.Status405MethodNotAllowed, "method_not_allowed", $"This address does not take {http.Request.Method}.");
        }
        return Problems.Problem(StatusCodes.Status415UnsupportedMediaType, "invalid_request", "Please send the request as JSON (Content-Type: application/json).");
    }

    private static bool Matches(Route route, PathString path, HttpContext http)
    {
        var values = new RouteValueDictionary();
        return route.Matcher.TryMatch(path, values) &&
               route.Constraints.All(c => c.Value.Match(http, null, c.Key, values, RouteDirection.IncomingRequest));
    }

    private static List<Route> Build(EndpointDataSource endpoints, IInlineConstraintResolver resolver) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods is { Count: > 0 })
            .Select(e =>
            {
                var template = TemplateParser.Parse(e.Endpoint.RoutePattern.RawText!);
                var routeConstraints = template.Parameters
                    .Where(p => p.InlineConstraints.Any())
                    .ToDictionary(p => p.Name!, p => (IRouteConstraint)new CompositeRouteConstraint(
                        p.InlineConstraints.Select(c => resolver.ResolveConstraint(c.Constraint)!).ToList()));
                return new Route(new TemplateMatcher(template, new RouteValueDictionary()), routeConstraints, e.Methods!);
            })
            .ToList();
}
