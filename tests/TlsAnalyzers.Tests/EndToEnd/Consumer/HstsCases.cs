namespace Consumer;

/// <summary>
/// HSTS options with a max-age that is too short. Program.cs calls no UseHsts, so until the TLS006 fix adds one,
/// these options never reach a browser either.
/// </summary>
internal static class HstsCases
{
    public static IServiceCollection AddHstsPolicy(this IServiceCollection services)
    {
        return services.AddHsts(options =>
        {
            options.IncludeSubDomains = true;
            options.MaxAge = TimeSpan.FromDays(30); // expect: TLS007
        });
    }
}
