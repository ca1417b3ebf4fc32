"""LTI 1.3 / LTI Advantage tool side of the bridge.

Pure protocol modules (no database): validation, keys, oidc, ags, nrps, deep_linking,
registration. The Django layer: models (keys, login states, resource links, line items),
store (the validation Resolver over the ORM), views, outbox (AGS delivery), management commands.
"""
