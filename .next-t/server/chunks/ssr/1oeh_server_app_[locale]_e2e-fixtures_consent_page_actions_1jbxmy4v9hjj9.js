module.exports=[10362,a=>{"use strict";a.s([])}];

//# sourceMappingURL=1oeh_server_app_%5Blocale%5D_e2e-fixtures_consent_page_actions_1jbxmy4v9hjj9.js.map