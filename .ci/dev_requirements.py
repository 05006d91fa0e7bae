"""Print the app's test dependencies ([tool.bench.dev-dependencies] in pyproject.toml) as pip arguments,
as `bench setup requirements --dev` reads them."""

import pathlib

import tomllib

pyproject = pathlib.Path(__file__).resolve().parents[1] / "pyproject.toml"
wanted = tomllib.loads(pyproject.read_text()).get("tool", {}).get("bench", {}).get("dev-dependencies", {})
print(" ".join(f"{name}{version}" for name, version in wanted.items()))
