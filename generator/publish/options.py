"""The explainer plugin's options in ``mkdocs.yml`` (``plugins: - explainer: {...}``).

One typed MkDocs ``Config`` for both readers: MkDocs when it loads the plugin, and
:mod:`generator.publish.settings` when the command line reads ``mkdocs.yml`` without
loading MkDocs. An unknown option is an error, not MkDocs' usual warning, so a typo
(``treshold:``) stops the build instead of silently keeping the default.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from generator.model import DEFAULT_THRESHOLD, Thresholds

PLUGIN = "explainer"  # its name under the ``mkdocs.plugins`` entry point
MIGRATE = ("extra.explainer is no longer read: move its settings under `plugins: - explainer:` "
           "as inputs_dir, data_dir, templates_dir, overrides_dir, threshold (see the README)")
OLD_HOOK = ("hooks: generator/publish/hooks.py was replaced by the explainer plugin: remove "
            "it and list `- explainer` under `plugins:` (see the README)")


class ThresholdOption(c.BaseConfigOption[Thresholds]):
    """A number from 0 to 1 for both actors and claims, or ``{claims: N, actors: N}``."""

    def run_validation(self, value: object) -> Thresholds:
        if value is None:
            return DEFAULT_THRESHOLD
        thresholds = Thresholds.from_value(value)
        if thresholds is None:
            raise base.ValidationError("must be a number from 0 to 1, or claims: and actors: "
                                       f"numbers from 0 to 1, not {value!r}")
        return thresholds


class ExplainerOptions(base.Config):
    """Where a project's files are, relative to ``mkdocs.yml``, and what is shown."""

    # named as MkDocs names its folders (docs_dir, site_dir); a Config cannot have a ``data``
    inputs_dir = c.Type(str, default="seeds")  # article files
    data_dir = c.Type(str, default="data")  # explainer YAML: the editable source of truth
    templates_dir = c.Type(str, default="templates")  # the project's, over the shipped ones
    overrides_dir = c.Optional(c.Type(str))  # a user's templates, searched first
    threshold = ThresholdOption()  # confidence an item needs to be on the site
    workers = c.Type(int, default=0)  # processes that build the site (0: one per core)

    def validate(self) -> tuple[base.ConfigErrors, base.ConfigWarnings]:
        """MkDocs' validation, with an unknown option an error."""
        failed, warnings = super().validate()
        known = self._schema_keys
        failed += [(key, base.ValidationError(f"unknown option (the options: "
                                              f"{', '.join(sorted(known))})"))
                   for key in sorted(set(self.keys()) - known)]
        if "workers" not in dict(failed) and (isinstance(self.workers, bool) or self.workers < 0):
            failed.append(("workers", base.ValidationError(
                "must be a whole number of processes, 0 for one per core")))
        return failed, [(k, w) for k, w in warnings if k in known]


def parse_options(block: Any, config_file: str | None = None) -> ExplainerOptions:
    """The plugin's options validated; the first problem raises ``ValueError`` in one line."""
    if block is not None and not isinstance(block, dict):
        raise ValueError(f"the {PLUGIN} plugin's options must be a mapping, not {block!r}")
    options = ExplainerOptions(config_file_path=config_file)
    options.load_dict(dict(block or {}))
    failed, _ = options.validate()
    if failed:
        key, error = failed[0]
        raise ValueError(f"plugins: {PLUGIN}: {key}: {error}")
    return options


def plugin_block(config: dict[str, Any]) -> tuple[bool, Any]:
    """Whether a raw ``mkdocs.yml`` lists the plugin, and its options block."""
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        return (PLUGIN in plugins), plugins.get(PLUGIN)
    for item in plugins if isinstance(plugins, list) else []:
        if item == PLUGIN:
            return True, None
        if isinstance(item, dict) and PLUGIN in item:
            return True, item[PLUGIN]
    return False, None


def old_style(config: dict[str, Any]) -> str | None:
    """The migration message for a ``mkdocs.yml`` written for the old hook, else None."""
    extra = config.get("extra")
    if isinstance(extra, dict) and "explainer" in extra:
        return MIGRATE
    hooks = config.get("hooks")
    if isinstance(hooks, list) and any(str(h).endswith("publish/hooks.py") for h in hooks):
        return OLD_HOOK
    return None
