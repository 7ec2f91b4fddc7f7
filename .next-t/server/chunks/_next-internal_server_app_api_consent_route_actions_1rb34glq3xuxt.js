module.exports=[84576,s=>{"use strict";s.s([])}];

//# sourceMappingURL=_next-internal_server_app_api_consent_route_actions_1rb34glq3xuxt.js.map