namespace InsecureTlsDemo;

/// <summary>HSTS options copied from a staging setup, where a short max-age made rollbacks to HTTP easy.</summary>
internal static class HstsSetup
{
    public static IServiceCollection AddShortLivedHsts(this IServiceCollection services)
    {
        return services.AddHsts(options =>
        {
            options.IncludeSubDomains = true;

            // TLS007: a browser forgets this after a day and tries plain HTTP again.
            options.MaxAge = TimeSpan.FromHours(24);
        });
    }
}
