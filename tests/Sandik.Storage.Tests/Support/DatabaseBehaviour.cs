using Xunit;

namespace Sandik.Storage.Tests.Support;

/// <summary>Behaviour a store must show on every database: each derived class says where its database is.</summary>
public abstract class DatabaseBehaviour
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Where this class's database is: a SQLite path or connection string, or a PostgreSQL schema.</summary>
    protected abstract Task<string> ConnectionStringAsync();
}
