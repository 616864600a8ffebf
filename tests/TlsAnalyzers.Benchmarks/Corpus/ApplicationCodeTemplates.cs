using System.Collections.Immutable;

namespace TlsAnalyzers.Benchmarks.Corpus;

/// <summary>
/// Ordinary application code for the generated corpus: records, a generic repository, async services, LINQ, pattern
/// matching, minimal API endpoints and dependency injection. <c>$E$</c> stands for the entity name, <c>$N$</c> for a
/// number that keeps member names unique within a module.
/// </summary>
internal static class ApplicationCodeTemplates
{
    public static ImmutableArray<string> Usings { get; } =
    [
        "System",
        "System.Collections.Concurrent",
        "System.Collections.Generic",
        "System.Globalization",
        "System.Linq",
        "System.Runtime.CompilerServices",
        "System.Text",
        "System.Threading",
        "System.Threading.Tasks",
        "Microsoft.AspNetCore.Builder",
        "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.Extensions.DependencyInjection",
    ];

    public const string Model = """
        public enum $E$Status
        {
            Draft,
            Active,
            Suspended,
            Closed,
        }

        public sealed record $E$(
            Guid Id,
            string Name,
            $E$Status Status,
            decimal Amount,
            DateTimeOffset CreatedAt,
            IReadOnlyList<string> Tags);

        public sealed record $E$Summary(string Name, int Count, decimal Total);

        public readonly record struct $E$Key(string Region, int Year);

        public interface I$E$Repository
        {
            ValueTask<$E$?> FindAsync(Guid id, CancellationToken cancellationToken);

            IAsyncEnumerable<$E$> ListAsync(CancellationToken cancellationToken);

            Task SaveAsync($E$ item, CancellationToken cancellationToken);
        }

        public sealed class InMemory$E$Repository : I$E$Repository
        {
            private readonly ConcurrentDictionary<Guid, $E$> items = new();

            public ValueTask<$E$?> FindAsync(Guid id, CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return ValueTask.FromResult<$E$?>(items.TryGetValue(id, out var item) ? item : null);
            }

            public async IAsyncEnumerable<$E$> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
            {
                foreach (var item in items.Values.OrderBy(i => i.CreatedAt))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    await Task.Yield();
                    yield return item;
                }
            }

            public Task SaveAsync($E$ item, CancellationToken cancellationToken)
            {
                ArgumentNullException.ThrowIfNull(item);
                items[item.Id] = item;
                return Task.CompletedTask;
            }
        }

        """;

    public const string ServiceStart = """
        public sealed class $E$Service(I$E$Repository repository, TimeProvider clock)
        {
            private readonly Dictionary<string, int> counters = new(StringComparer.OrdinalIgnoreCase);

            public ValueTask<$E$?> FindAsync(Guid id, CancellationToken cancellationToken) =>
                repository.FindAsync(id, cancellationToken);

        """;

    public const string ServiceEnd = """
        }

        """;

    public static ImmutableArray<string> ServiceMethods { get; } =
    [
        """
            public async Task<IReadOnlyList<$E$>> GetActive$N$Async(decimal minimumAmount, CancellationToken cancellationToken)
            {
                var result = new List<$E$>();
                await foreach (var item in repository.ListAsync(cancellationToken))
                {
                    if (item is { Status: $E$Status.Active } && item.Amount >= minimumAmount)
                    {
                        result.Add(item);
                    }
                }

                return result;
            }

        """,
        """
            public async Task<IReadOnlyList<$E$Summary>> Summarize$N$Async(CancellationToken cancellationToken)
            {
                var items = new List<$E$>();
                await foreach (var item in repository.ListAsync(cancellationToken))
                {
                    items.Add(item);
                }

                return items
                    .Where(i => i.Status != $E$Status.Closed)
                    .GroupBy(i => i.Name.Length > 0 ? i.Name[..1].ToUpperInvariant() : "?")
                    .Select(g => new $E$Summary(g.Key, g.Count(), g.Sum(i => i.Amount)))
                    .OrderByDescending(s => s.Total)
                    .ThenBy(s => s.Name, StringComparer.Ordinal)
                    .ToList();
            }

        """,
        """
            public static string Describe$N$($E$Status status, decimal amount) => (status, amount) switch
            {
                ($E$Status.Draft, _) => "draft",
                ($E$Status.Active, > 10_000m) => "active, large",
                ($E$Status.Active, _) => "active",
                ($E$Status.Suspended, _) => "suspended",
                _ => "closed",
            };

        """,
        """
            public IReadOnlyList<string> Validate$N$($E$ item)
            {
                var errors = new List<string>();
                if (string.IsNullOrWhiteSpace(item.Name))
                {
                    errors.Add("Name is required.");
                }

                if (item.Amount < 0)
                {
                    errors.Add($"Amount {item.Amount} must not be negative.");
                }

                if (item.CreatedAt > clock.GetUtcNow())
                {
                    errors.Add("CreatedAt lies in the future.");
                }

                if (item.Tags.Count > 16 || item.Tags.Any(t => t.Length > 64))
                {
                    errors.Add("Too many or too long tags.");
                }

                return errors;
            }

        """,
        """
            public static (decimal Min, decimal Max, decimal Average) Statistics$N$(IEnumerable<$E$> items)
            {
                var amounts = items.Select(i => i.Amount).ToArray();
                if (amounts.Length == 0)
                {
                    return (0m, 0m, 0m);
                }

                return (amounts.Min(), amounts.Max(), amounts.Average());
            }

        """,
        """
            public static async Task<T> Retry$N$Async<T>(
                Func<CancellationToken, Task<T>> action,
                int attempts,
                CancellationToken cancellationToken)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await action(cancellationToken).ConfigureAwait(false);
                    }
                    catch (InvalidOperationException) when (attempt < attempts)
                    {
                        var delay = TimeSpan.FromMilliseconds(Math.Pow(2, attempt) * 50);
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

        """,
        """
            public static IReadOnlyList<T> Page$N$<T>(IEnumerable<T> source, int page, int pageSize)
                where T : notnull
            {
                ArgumentOutOfRangeException.ThrowIfNegative(page);
                ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
                return source.Skip(page * pageSize).Take(pageSize).ToList();
            }

        """,
        """
            public static ILookup<string, $E$> IndexByTag$N$(IEnumerable<$E$> items) =>
                items.SelectMany(i => i.Tags.Select(t => (Tag: t, Item: i)))
                    .ToLookup(p => p.Tag, p => p.Item, StringComparer.OrdinalIgnoreCase);

        """,
        """
            public async Task<int> Refresh$N$Async(IEnumerable<Guid> ids, CancellationToken cancellationToken)
            {
                var lookups = ids.Distinct().Select(id => repository.FindAsync(id, cancellationToken).AsTask());
                var found = await Task.WhenAll(lookups);
                var updated = 0;
                foreach (var item in found.OfType<$E$>())
                {
                    var renamed = item with { Name = item.Name.Trim(), Status = $E$Status.Active };
                    await repository.SaveAsync(renamed, cancellationToken);
                    updated++;
                }

                return updated;
            }

        """,
        """
            public static IEnumerable<string> Report$N$(IEnumerable<$E$> items, IReadOnlyDictionary<string, string> owners)
            {
                return from item in items
                       where item.Status is $E$Status.Active or $E$Status.Suspended
                       join owner in owners on item.Name equals owner.Key
                       orderby item.Amount descending
                       select $"{owner.Value}: {item.Name} ({item.Amount:N2})";
            }

        """,
        """
            public int Count$N$(string key)
            {
                lock (counters)
                {
                    counters.TryGetValue(key, out var count);
                    counters[key] = ++count;
                    return count;
                }
            }

        """,
        """
            public static Dictionary<$E$Key, decimal> TotalsByYear$N$(IEnumerable<$E$> items, string region)
            {
                var totals = new Dictionary<$E$Key, decimal>();
                foreach (var item in items)
                {
                    var key = new $E$Key(region, item.CreatedAt.Year);
                    totals[key] = totals.GetValueOrDefault(key) + item.Amount;
                }

                return totals;
            }

        """,
        """
            public static string Format$N$(IEnumerable<$E$> items)
            {
                var builder = new StringBuilder();
                foreach (var (name, amount) in items.Select(i => (i.Name, i.Amount)))
                {
                    builder.Append(Pad(name)).Append(' ').AppendLine(amount.ToString("N2", CultureInfo.InvariantCulture));
                }

                return builder.ToString();

                static string Pad(string value) => value.Length >= 24 ? value[..24] : value.PadRight(24);
            }

        """,
        """
            public async Task<$E$?> FindWithTimeout$N$Async(Guid id, TimeSpan timeout, CancellationToken cancellationToken)
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                linked.CancelAfter(timeout);
                try
                {
                    return await repository.FindAsync(id, linked.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return null;
                }
            }

        """,
        """
            public static TResult Aggregate$N$<TSource, TResult>(
                IEnumerable<TSource> source,
                TResult seed,
                Func<TResult, TSource, TResult> step)
                where TResult : struct
            {
                var result = seed;
                foreach (var item in source)
                {
                    result = step(result, item);
                }

                return result;
            }

        """,
        """
            public async Task<$E$> Create$N$Async(
                string name,
                decimal amount,
                IEnumerable<string> tags,
                CancellationToken cancellationToken)
            {
                if (amount < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(amount), amount, "The amount must not be negative.");
                }

                var cleanTags = tags.Where(t => !string.IsNullOrEmpty(t)).Distinct().ToArray();
                var item = new $E$(Guid.NewGuid(), name.Trim(), $E$Status.Draft, amount, clock.GetUtcNow(), cleanTags);
                await repository.SaveAsync(item, cancellationToken);
                return item;
            }

        """,
    ];

    public const string Extensions = """
        public static class $E$Extensions
        {
            public static IEnumerable<$E$> InStatus(this IEnumerable<$E$> items, params $E$Status[] statuses) =>
                items.Where(i => statuses.Contains(i.Status));

            public static decimal TotalAmount(this IEnumerable<$E$> items) => items.Sum(i => i.Amount);

            public static IEnumerable<IReadOnlyList<T>> InBatches<T>(this IEnumerable<T> source, int size)
            {
                var batch = new List<T>(size);
                foreach (var item in source)
                {
                    batch.Add(item);
                    if (batch.Count == size)
                    {
                        yield return batch;
                        batch = new List<T>(size);
                    }
                }

                if (batch.Count > 0)
                {
                    yield return batch;
                }
            }

            public static TValue GetOrAdd<TKey, TValue>(this IDictionary<TKey, TValue> dictionary, TKey key, Func<TKey, TValue> create)
                where TKey : notnull
            {
                if (!dictionary.TryGetValue(key, out var value))
                {
                    value = create(key);
                    dictionary[key] = value;
                }

                return value;
            }
        }

        public static class $E$Endpoints
        {
            public static IServiceCollection Add$E$Module(this IServiceCollection services)
            {
                services.AddSingleton<I$E$Repository, InMemory$E$Repository>();
                services.AddScoped<$E$Service>();
                return services;
            }

            public static IEndpointRouteBuilder Map$E$Endpoints(this IEndpointRouteBuilder routes)
            {
                var group = routes.MapGroup("/$E$");
                group.MapGet("/{id:guid}", async (Guid id, $E$Service service, CancellationToken cancellationToken) =>
                    await service.FindAsync(id, cancellationToken) is { } item ? Results.Ok(item) : Results.NotFound());
                group.MapGet("/", (I$E$Repository repository, CancellationToken cancellationToken) =>
                    repository.ListAsync(cancellationToken));
                return routes;
            }
        }

        """;
}
