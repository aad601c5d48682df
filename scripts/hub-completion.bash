# Tab completion for the hub command in bash. Load it from ~/.bashrc:
#     source /path/to/agencyhub/scripts/hub-completion.bash
# hub answers completions itself (System.CommandLine's [suggest] directive); this asks it for the words that fit.
_agencyhub_hub() {
    local line="${COMP_LINE#*hub}"
    line="${line# }"
    local position=$(( COMP_POINT - (${#COMP_LINE} - ${#line}) ))
    local IFS=$'\n'
    COMPREPLY=( $(compgen -W "$(hub "[suggest:${position}]" "${line}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
}
complete -o default -F _agencyhub_hub hub
