module.exports=[91965,a=>{"use strict";a.s([])}];

//# sourceMappingURL=_next-internal_server_app_%5Blocale%5D_privacy_page_actions_0delyj1w29xq_.js.map