"""The demo-data builders' shared code: workspace.py loads demo-data/workspace/*.toml,
the other modules turn it into the Stream import file (see build_demo.py)."""
