"""Package discovery, which pyproject.toml alone cannot express here.

`site` clashes with the standard library, so the project package in site/ is
installed as `statsforum`. Every app beside it is found with its subpackages, so a
new app, migrations folder or models/ package never silently drops from the wheel.
"""

from setuptools import find_packages, setup

NOT_SHIPPED = ["site", "site.*", "tests", "tests.*", "bench", "bench.*", "build*"]

setup(
    packages=[
        *find_packages(exclude=NOT_SHIPPED),
        "statsforum",
        *(f"statsforum.{name}" for name in find_packages("site")),
    ],
    package_dir={"statsforum": "site"},
)
