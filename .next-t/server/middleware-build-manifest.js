globalThis.__BUILD_MANIFEST = {
  "pages": {
    "/_app": []
  },
  "devFiles": [],
  "polyfillFiles": [
    "static/chunks/0cz1d0mv5g_q7.js"
  ],
  "lowPriorityFiles": [
    "static/BUvW7nESiqQQd4LCYYPID/_buildManifest.js",
    "static/BUvW7nESiqQQd4LCYYPID/_ssgManifest.js",
    "static/BUvW7nESiqQQd4LCYYPID/_clientMiddlewareManifest.js"
  ],
  "rootMainFiles": [
    "static/chunks/0uk63h0tuavo5.js",
    "static/chunks/43d-z_v0sxuq5.js",
    "static/chunks/2apcoqwy1gi8e.js",
    "static/chunks/2_0mxv2adtk0e.js",
    "static/chunks/turbopack-2u1d16houkiyo.js"
  ],
  "rootMainFilesTree": {},
  "pagesChunkGroupBootstrapParams": {
    "/_not-found/page": {
      "otherChunks": [
        "static/chunks/0uk63h0tuavo5.js",
        "static/chunks/43d-z_v0sxuq5.js",
        "static/chunks/2apcoqwy1gi8e.js",
        "static/chunks/2_0mxv2adtk0e.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/_global-error/page": {
      "otherChunks": [
        "static/chunks/0uk63h0tuavo5.js",
        "static/chunks/43d-z_v0sxuq5.js",
        "static/chunks/2apcoqwy1gi8e.js",
        "static/chunks/2_0mxv2adtk0e.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/[locale]/[...rest]/page": {
      "otherChunks": [
        "static/chunks/0uk63h0tuavo5.js",
        "static/chunks/43d-z_v0sxuq5.js",
        "static/chunks/2apcoqwy1gi8e.js",
        "static/chunks/2_0mxv2adtk0e.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/[locale]/e2e-fixtures/consent/page": {
      "otherChunks": [
        "static/chunks/0uk63h0tuavo5.js",
        "static/chunks/43d-z_v0sxuq5.js",
        "static/chunks/2apcoqwy1gi8e.js",
        "static/chunks/2_0mxv2adtk0e.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    },
    "/[locale]/privacy/page": {
      "otherChunks": [
        "static/chunks/0uk63h0tuavo5.js",
        "static/chunks/43d-z_v0sxuq5.js",
        "static/chunks/2apcoqwy1gi8e.js",
        "static/chunks/2_0mxv2adtk0e.js"
      ],
      "runtimeModuleIds": [
        94553
      ]
    }
  },
  "chunkLoadingGlobal": "TURBOPACK"
};
