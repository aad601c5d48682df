namespace Hub.Adapters.Agencies.Tests.Deployment;

/// <summary>
/// The keys the Compose Specification allows, written from https://github.com/compose-spec/compose-spec/blob/main/spec.md
/// (and 05-services.md, 06-networks.md, 07-volumes.md, 08-configs.md, 09-secrets.md). Kept by hand because CI has no
/// network and the spec's JSON schema is not ours to copy. Extension keys (<c>x-</c>) are always allowed.
/// </summary>
public static class ComposeSpecKeys
{
    public static readonly IReadOnlySet<string> TopLevel = new HashSet<string>(StringComparer.Ordinal)
    {
        "version", "name", "include", "services", "networks", "volumes", "configs", "secrets", "models",
    };

    public static readonly IReadOnlySet<string> Service = new HashSet<string>(StringComparer.Ordinal)
    {
        "annotations", "attach", "blkio_config", "build", "cap_add", "cap_drop", "cgroup", "cgroup_parent", "command", "configs",
        "container_name", "cpu_count", "cpu_percent", "cpu_period", "cpu_quota", "cpu_rt_period", "cpu_rt_runtime", "cpu_shares",
        "cpus", "cpuset", "credential_spec", "depends_on", "deploy", "develop", "device_cgroup_rules", "devices", "dns",
        "dns_opt", "dns_search", "domainname", "driver_opts", "entrypoint", "env_file", "environment", "expose", "extends",
        "external_links", "extra_hosts", "gpus", "group_add", "healthcheck", "hostname", "image", "init", "ipc", "isolation",
        "label_file", "labels", "links", "logging", "mac_address", "mem_limit", "mem_reservation", "mem_swappiness",
        "memswap_limit", "models", "network_mode", "networks", "oom_kill_disable", "oom_score_adj", "pid", "pids_limit",
        "platform", "ports", "post_start", "pre_stop", "privileged", "profiles", "provider", "pull_policy", "read_only",
        "restart", "runtime", "scale", "secrets", "security_opt", "shm_size", "stdin_open", "stop_grace_period",
        "stop_signal", "storage_opt", "sysctls", "tmpfs", "tty", "ulimits", "use_api_socket", "user", "userns_mode", "uts",
        "volumes", "volumes_from", "working_dir",
    };

    public static readonly IReadOnlySet<string> Healthcheck = new HashSet<string>(StringComparer.Ordinal)
    {
        "disable", "interval", "retries", "test", "timeout", "start_period", "start_interval",
    };

    public static readonly IReadOnlySet<string> Build = new HashSet<string>(StringComparer.Ordinal)
    {
        "context", "dockerfile", "dockerfile_inline", "args", "ssh", "cache_from", "cache_to", "additional_contexts",
        "entitlements", "extra_hosts", "isolation", "privileged", "labels", "no_cache", "pull", "network", "shm_size",
        "target", "secrets", "tags", "ulimits", "platforms",
    };

    public static readonly IReadOnlySet<string> DependsOnConditions = new HashSet<string>(StringComparer.Ordinal)
    {
        "service_started", "service_healthy", "service_completed_successfully",
    };

    public static readonly IReadOnlySet<string> Restart = new HashSet<string>(StringComparer.Ordinal)
    {
        "no", "always", "on-failure", "unless-stopped",
    };
}
