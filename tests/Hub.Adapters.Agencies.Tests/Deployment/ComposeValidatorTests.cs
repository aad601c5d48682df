using Hub.Adapters.Agencies.Tests.Support;

namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>
/// docker-compose.yml passes the checks <c>docker compose config</c> would make (CI has no Docker), and the checks
/// catch the mistakes they are there for, shown on small broken files.
/// </summary>
public sealed class ComposeValidatorTests
{
    private const string Valid = """
        name: t
        services:
          db:
            image: postgres:16.6
            volumes: [data:/var/lib/postgresql/data]
            healthcheck: { test: ["CMD", "true"], interval: 5s, timeout: 1m30s, retries: 3 }
          app:
            build: { context: ., dockerfile: src/Hub.Router/Dockerfile }
            depends_on: { db: { condition: service_healthy } }
            environment: { A: "${AGENCYHUB_POSTGRES_PASSWORD}", B: "${UNSET:-x}", C: "${UNSET2:?set it}", D: "$$literal" }
            ports: ["127.0.0.1:8081:8081", "9000-9001:9000-9001/udp"]
            volumes: ["./deploy/rabbitmq:/opt:ro"]
        volumes:
          data:
        """;

    private readonly ComposeValidator _validator = new(RepoPaths.Root, EnvExample());

    [Fact]
    public void When_the_repository_compose_file_is_validated_should_have_no_problems()
    {
        _validator.Validate(File.ReadAllText(RepoPaths.File("docker-compose.yml"))).ShouldBeEmpty();
    }

    [Fact]
    public void When_a_small_valid_file_is_validated_should_have_no_problems()
    {
        _validator.Validate(Valid).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("services:", "servces:", "'servces' is not a Compose Specification key")]
    [InlineData("    build:", "    buld:", "'buld' is not a Compose Specification key")]
    [InlineData("retries: 3", "retries: 3, intervall: 5s", "'intervall' is not a Compose Specification key")]
    [InlineData("${AGENCYHUB_POSTGRES_PASSWORD}", "${NOT_IN_THE_EXAMPLE}", "${NOT_IN_THE_EXAMPLE} has no default")]
    [InlineData("${UNSET:-x}", "${UNSET:-x", "unterminated")]
    [InlineData("${UNSET:-x}", "${1BAD}", "malformed interpolation")]
    [InlineData("$$literal", "$ literal", "a lone '$'")]
    [InlineData("{ db: { condition: service_healthy } }", "{ dbx: { condition: service_healthy } }", "'dbx', which is not a service")]
    [InlineData("condition: service_healthy", "condition: healthy", "invalid condition 'healthy'")]
    [InlineData("[data:/var/lib", "[undeclared:/var/lib", "volume 'undeclared' is not declared")]
    [InlineData("./deploy/rabbitmq:/opt", "./deploy/missing:/opt", "'./deploy/missing' is not a path in the repository")]
    [InlineData("dockerfile: src/Hub.Router/Dockerfile", "dockerfile: src/Hub.Nope/Dockerfile", "Dockerfile 'src/Hub.Nope/Dockerfile' does not exist")]
    [InlineData("context: .", "context: ./nowhere", "build context './nowhere' does not exist")]
    [InlineData("postgres:16.6", "postgres:latest", "is not pinned")]
    [InlineData("postgres:16.6", "postgres", "is not pinned")]
    [InlineData("interval: 5s", "interval: 5 seconds", "interval '5 seconds' is not a duration")]
    [InlineData("timeout: 1m30s", "timeout: 90", "timeout '90' is not a duration")]
    [InlineData("127.0.0.1:8081:8081", "127.0.0.1:80811:8081", "invalid port number '80811'")]
    [InlineData("\"9000-9001:", "\"9000-0:", "invalid port number '0'")]
    [InlineData("    ports:", "    env_file: [missing.env]\n    ports:", "env_file 'missing.env' does not exist")]
    [InlineData("    ports:", "    networks: [backend]\n    ports:", "networks 'backend' is not declared")]
    [InlineData("    ports:", "    secrets: [ledger-key]\n    ports:", "secrets 'ledger-key' is not declared")]
    public void When_a_compose_file_has_a_mistake_should_report_it(string valid, string broken, string expected)
    {
        var yaml = Valid.Replace(valid, broken, StringComparison.Ordinal);
        yaml.ShouldNotBe(Valid, "the test must actually break the file");

        _validator.Validate(yaml).ShouldContain(p => p.Contains(expected, StringComparison.Ordinal), $"expected a problem containing: {expected}");
    }

    private static HashSet<string> EnvExample() =>
        [.. File.ReadAllLines(RepoPaths.File("deploy", "compose.env.example"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)].Trim())];
}
