// Generated from the backend OpenAPI schema by `npm run api:types`. Do not edit.

export interface paths {
    "/api/v1/auth/2fa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Start TOTP enrolment; 409 when already enrolled. */
        post: operations["auth_2fa_totp_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Confirm enrolment with a first code; returns a new session with `two_factor.verified = true`. The refresh token is set as the HttpOnly cookie `aesthetix_refresh` (path `/api/v1/auth/`); it is never in the body. */
        post: operations["auth_2fa_totp_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description End the session (idempotent). */
        post: operations["auth_logout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Change your password. Every session of yours ends, this one included; the answer is a new session. 400 names `current_password` or `new_password`. The refresh token is set as the HttpOnly cookie `aesthetix_refresh` (path `/api/v1/auth/`); it is never in the body. */
        post: operations["auth_password_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Send a one-time code by SMS to this mobile number if an account has it. The answer is 202 either way. */
        post: operations["auth_password_reset_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Set a new password with the SMS code; every session of the account ends. 400 `reset_code_invalid` for a wrong, expired or used code (five wrong tries kill it). */
        post: operations["auth_password_reset_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Create an organization, its first clinic and its owner; signs the owner in. The refresh token is set as the HttpOnly cookie `aesthetix_refresh` (path `/api/v1/auth/`); it is never in the body. */
        post: operations["auth_signup_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Sign in with mobile number and password (and `otp_code` once TOTP is enrolled). 400 `otp_required` asks for the code; 401 `invalid_credentials`; 429 after repeated failures. The refresh token is set as the HttpOnly cookie `aesthetix_refresh` (path `/api/v1/auth/`); it is never in the body. */
        post: operations["auth_token_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Rotate the refresh cookie and get a new access token. Reusing an old refresh token ends the whole session (401 `refresh_token_reused`). */
        post: operations["auth_token_refresh_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        get: operations["calendar_appointments_list"];
        put?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        post: operations["calendar_appointments_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        get: operations["calendar_appointments_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        patch: operations["calendar_appointments_partial_update"];
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}/arrive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        post: operations["calendar_appointments_arrive_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        post: operations["calendar_appointments_cancel_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        post: operations["calendar_appointments_complete_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        post: operations["calendar_appointments_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}/deposit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What is asked, received, applied, refunded or forfeited (``status``). */
        get: operations["calendar_appointments_deposit_retrieve"];
        put?: never;
        /**
         * @description Take the deposit by ``method`` (``commerce.services.deposit_take``; the same
         *     ``idempotency_key`` again answers as the first time). 400 names ``method``; 409
         *     ``deposit_already_paid``, ``deposit_not_required``, ``deposit_settled`` or
         *     ``appointment_not_open`` (cancelled, no-show or past check-in).
         */
        post: operations["calendar_appointments_deposit_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}/no-show": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        post: operations["calendar_appointments_no_show_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description The clinic's appointments. State changes are POSTs to ``<id>/confirm``,
         *     ``arrive``, ``start``, ``complete``, ``no-show`` and ``cancel`` (with a reason);
         *     an illegal change answers 409 ``invalid_transition``, a change refused by the front
         *     desk's rules 409 ``checkin_not_open``, ``checkin_closed`` or
         *     ``no_show_before_start`` (``services.appointment_transition``), cancelling after
         *     check-in without ``calendar.cancel_after_arrival`` 403.
         */
        post: operations["calendar_appointments_start_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Free start times for a service (every 15 min, clinic time zone), for one practitioner or all; honours hours, breaks, exceptions, buffers, DST and the practitioner's bookings at every clinic. */
        get: operations["calendar_appointments_availability_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/availability/day": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Free start times for a service on one local day, for one practitioner or all, and for each practitioner without one the reason (not working, time off — with its reason for roles that book —, fully booked, past, beyond the booking horizon), with the next day that has a free time. */
        get: operations["calendar_appointments_availability_day_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/appointments/range": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Everything the calendar shows for local days date_from…date_to in ONE answer: the appointments of the chosen practitioners (every status, start order) and each practitioner's working intervals and time off (UTC instants; the time off's reason for roles that book). The number of queries does not depend on how many practitioners, days or appointments there are. 400 naming `practitioner` for an id that is not one of this clinic's practitioners. */
        get: operations["calendar_appointments_range_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/my-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The signed address of the caller's iCalendar feed (all their clinics). */
        get: operations["calendar_my_feed_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["calendar_rooms_list"];
        put?: never;
        post: operations["calendar_rooms_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/rooms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["calendar_rooms_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/schedule-exceptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Dated time off and extra hours. ``?practitioner=`` and ``?date=`` filter. */
        get: operations["calendar_schedule_exceptions_list"];
        put?: never;
        /** @description Dated time off and extra hours. ``?practitioner=`` and ``?date=`` filter. */
        post: operations["calendar_schedule_exceptions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/schedule-exceptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Dated time off and extra hours. ``?practitioner=`` and ``?date=`` filter. */
        get: operations["calendar_schedule_exceptions_retrieve"];
        put?: never;
        post?: never;
        /** @description Dated time off and extra hours. ``?practitioner=`` and ``?date=`` filter. */
        delete: operations["calendar_schedule_exceptions_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Weekly working hours (local time). ``?practitioner=`` filters. */
        get: operations["calendar_schedules_list"];
        put?: never;
        /** @description Weekly working hours (local time). ``?practitioner=`` filters. */
        post: operations["calendar_schedules_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Weekly working hours (local time). ``?practitioner=`` filters. */
        get: operations["calendar_schedules_retrieve"];
        put?: never;
        post?: never;
        /** @description Weekly working hours (local time). ``?practitioner=`` filters. */
        delete: operations["calendar_schedules_destroy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/courses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Prepaid packages of sessions (``sessions_total`` across their services). */
        get: operations["catalog_courses_list"];
        put?: never;
        /** @description Prepaid packages of sessions (``sessions_total`` across their services). */
        post: operations["catalog_courses_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/courses/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Prepaid packages of sessions (``sessions_total`` across their services). */
        get: operations["catalog_courses_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Retail products and medical supplies, with ``on_hand`` over all lots. Filter
         *     with ``?kind=`` and ``?is_active=``.
         */
        get: operations["catalog_products_list"];
        put?: never;
        /**
         * @description Retail products and medical supplies, with ``on_hand`` over all lots. Filter
         *     with ``?kind=`` and ``?is_active=``.
         */
        post: operations["catalog_products_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Retail products and medical supplies, with ``on_hand`` over all lots. Filter
         *     with ``?kind=`` and ``?is_active=``.
         */
        get: operations["catalog_products_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description Retail products and medical supplies, with ``on_hand`` over all lots. Filter
         *     with ``?kind=`` and ``?is_active=``.
         */
        patch: operations["catalog_products_partial_update"];
        trace?: never;
    };
    "/api/v1/catalog/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's treatment catalog with the materials each consumes. Filter with
         *     ``?category=`` and ``?is_active=``.
         */
        get: operations["catalog_services_list"];
        put?: never;
        /**
         * @description The clinic's treatment catalog with the materials each consumes. Filter with
         *     ``?category=`` and ``?is_active=``.
         */
        post: operations["catalog_services_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's treatment catalog with the materials each consumes. Filter with
         *     ``?category=`` and ``?is_active=``.
         */
        get: operations["catalog_services_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description The clinic's treatment catalog with the materials each consumes. Filter with
         *     ``?category=`` and ``?is_active=``.
         */
        patch: operations["catalog_services_partial_update"];
        trace?: never;
    };
    "/api/v1/clinic/charts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description A patient's clinical chart: visits, current notes, plans and signed consent
         *     forms. Each read is audited as ``patient.viewed``.
         */
        get: operations["clinic_charts_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/confirm-upload/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Direct uploads: ``GET upload-token/`` issues a presigned POST for one photo of a
         *     session, the browser posts the file straight to storage, ``POST confirm-upload/``
         *     links the object to the session. Photo bytes never pass through this server (the
         *     embedded profile's local store aside).
         */
        post: operations["clinic_confirm_upload_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/consent-forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Signed consent forms: a drawn signature (base64 PNG) or a typed name, with the
         *     instant, address and a SHA-256 of the wording.
         */
        get: operations["clinic_consent_forms_list"];
        put?: never;
        /**
         * @description Signed consent forms: a drawn signature (base64 PNG) or a typed name, with the
         *     instant, address and a SHA-256 of the wording.
         */
        post: operations["clinic_consent_forms_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/consent-forms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Signed consent forms: a drawn signature (base64 PNG) or a typed name, with the
         *     instant, address and a SHA-256 of the wording.
         */
        get: operations["clinic_consent_forms_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/consent-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Consent form templates per service and language; ``POST`` publishes the next
         *     version.
         */
        get: operations["clinic_consent_templates_list"];
        put?: never;
        /**
         * @description Consent form templates per service and language; ``POST`` publishes the next
         *     version.
         */
        post: operations["clinic_consent_templates_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/consent-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Consent form templates per service and language; ``POST`` publishes the next
         *     version.
         */
        get: operations["clinic_consent_templates_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/face-charts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Face charts of sessions, newest version first (``?session=`` to load one
         *     session's); ``POST`` saves the next version. Bad annotations answer 400 naming the
         *     field (``annotations.points[3].x``).
         */
        get: operations["clinic_face_charts_list"];
        put?: never;
        /**
         * @description Face charts of sessions, newest version first (``?session=`` to load one
         *     session's); ``POST`` saves the next version. Bad annotations answer 400 naming the
         *     field (``annotations.points[3].x``).
         */
        post: operations["clinic_face_charts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/face-charts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Face charts of sessions, newest version first (``?session=`` to load one
         *     session's); ``POST`` saves the next version. Bad annotations answer 400 naming the
         *     field (``annotations.points[3].x``).
         */
        get: operations["clinic_face_charts_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description SOAP notes. A draft is edited (``PATCH``) and signed (``sign``) by its author; a
         *     signed note answers 409 ``note_signed`` to edits and is corrected with ``amend``,
         *     which creates the next version. ``?current=true`` leaves out amended versions.
         */
        get: operations["clinic_notes_list"];
        put?: never;
        /**
         * @description SOAP notes. A draft is edited (``PATCH``) and signed (``sign``) by its author; a
         *     signed note answers 409 ``note_signed`` to edits and is corrected with ``amend``,
         *     which creates the next version. ``?current=true`` leaves out amended versions.
         */
        post: operations["clinic_notes_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/notes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description SOAP notes. A draft is edited (``PATCH``) and signed (``sign``) by its author; a
         *     signed note answers 409 ``note_signed`` to edits and is corrected with ``amend``,
         *     which creates the next version. ``?current=true`` leaves out amended versions.
         */
        get: operations["clinic_notes_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description SOAP notes. A draft is edited (``PATCH``) and signed (``sign``) by its author; a
         *     signed note answers 409 ``note_signed`` to edits and is corrected with ``amend``,
         *     which creates the next version. ``?current=true`` leaves out amended versions.
         */
        patch: operations["clinic_notes_partial_update"];
        trace?: never;
    };
    "/api/v1/clinic/notes/{id}/amend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description SOAP notes. A draft is edited (``PATCH``) and signed (``sign``) by its author; a
         *     signed note answers 409 ``note_signed`` to edits and is corrected with ``amend``,
         *     which creates the next version. ``?current=true`` leaves out amended versions.
         */
        post: operations["clinic_notes_amend_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/notes/{id}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description SOAP notes. A draft is edited (``PATCH``) and signed (``sign``) by its author; a
         *     signed note answers 409 ``note_signed`` to edits and is corrected with ``amend``,
         *     which creates the next version. ``?current=true`` leaves out amended versions.
         */
        post: operations["clinic_notes_sign_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/photos": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Clinical photographs. Lists show ready photos only; a photo read by id shows its
         *     state (``processing``, ``ready``, ``rejected`` with the reason). Links are presigned
         *     and short-lived (``PHOTO_VIEW_URL_SECONDS``); each link issued is audited.
         */
        get: operations["clinic_photos_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/photos/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Clinical photographs. Lists show ready photos only; a photo read by id shows its
         *     state (``processing``, ``ready``, ``rejected`` with the reason). Links are presigned
         *     and short-lived (``PHOTO_VIEW_URL_SECONDS``); each link issued is audited.
         */
        get: operations["clinic_photos_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Treatment plans: goals, planned sessions with target dates, status and progress
         *     (``steps_done`` of ``steps_total``).
         */
        get: operations["clinic_plans_list"];
        put?: never;
        /**
         * @description Treatment plans: goals, planned sessions with target dates, status and progress
         *     (``steps_done`` of ``steps_total``).
         */
        post: operations["clinic_plans_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Treatment plans: goals, planned sessions with target dates, status and progress
         *     (``steps_done`` of ``steps_total``).
         */
        get: operations["clinic_plans_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description Treatment plans: goals, planned sessions with target dates, status and progress
         *     (``steps_done`` of ``steps_total``).
         */
        patch: operations["clinic_plans_partial_update"];
        trace?: never;
    };
    "/api/v1/clinic/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Treatment sessions. ``start`` refuses (409 ``consent_required``) a service that
         *     requires consent until the patient signed its newest consent form; ``complete`` and
         *     ``cancel`` end it. ``gallery`` lists its ready photos and pairs before/after by
         *     angle.
         */
        get: operations["clinic_sessions_list"];
        put?: never;
        /**
         * @description Treatment sessions. ``start`` refuses (409 ``consent_required``) a service that
         *     requires consent until the patient signed its newest consent form; ``complete`` and
         *     ``cancel`` end it. ``gallery`` lists its ready photos and pairs before/after by
         *     angle.
         */
        post: operations["clinic_sessions_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Treatment sessions. ``start`` refuses (409 ``consent_required``) a service that
         *     requires consent until the patient signed its newest consent form; ``complete`` and
         *     ``cancel`` end it. ``gallery`` lists its ready photos and pairs before/after by
         *     angle.
         */
        get: operations["clinic_sessions_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/sessions/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Skip the session; ``reason`` (required) says why. */
        post: operations["clinic_sessions_cancel_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/sessions/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Treatment sessions. ``start`` refuses (409 ``consent_required``) a service that
         *     requires consent until the patient signed its newest consent form; ``complete`` and
         *     ``cancel`` end it. ``gallery`` lists its ready photos and pairs before/after by
         *     angle.
         */
        post: operations["clinic_sessions_complete_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/sessions/{id}/gallery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Treatment sessions. ``start`` refuses (409 ``consent_required``) a service that
         *     requires consent until the patient signed its newest consent form; ``complete`` and
         *     ``cancel`` end it. ``gallery`` lists its ready photos and pairs before/after by
         *     angle.
         */
        get: operations["clinic_sessions_gallery_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/sessions/{id}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Record products used (taken out of stock in the same transaction). */
        post: operations["clinic_sessions_products_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/sessions/{id}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Treatment sessions. ``start`` refuses (409 ``consent_required``) a service that
         *     requires consent until the patient signed its newest consent form; ``complete`` and
         *     ``cancel`` end it. ``gallery`` lists its ready photos and pairs before/after by
         *     angle.
         */
        post: operations["clinic_sessions_start_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/upload-token/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Direct uploads: ``GET upload-token/`` issues a presigned POST for one photo of a
         *     session, the browser posts the file straight to storage, ``POST confirm-upload/``
         *     links the object to the session. Photo bytes never pass through this server (the
         *     embedded profile's local store aside).
         */
        get: operations["clinic_upload_token_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/visits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Visits (encounters). Everyone sees these schedule-level facts; the front desk
         *     opens walk-ins (``POST`` with ``patient_id``) and visits of appointments
         *     (``appointment_id``; arrival opens them too); clinicians complete them.
         */
        get: operations["clinic_visits_list"];
        put?: never;
        /**
         * @description Visits (encounters). Everyone sees these schedule-level facts; the front desk
         *     opens walk-ins (``POST`` with ``patient_id``) and visits of appointments
         *     (``appointment_id``; arrival opens them too); clinicians complete them.
         */
        post: operations["clinic_visits_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/visits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Visits (encounters). Everyone sees these schedule-level facts; the front desk
         *     opens walk-ins (``POST`` with ``patient_id``) and visits of appointments
         *     (``appointment_id``; arrival opens them too); clinicians complete them.
         */
        get: operations["clinic_visits_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinic/visits/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Visits (encounters). Everyone sees these schedule-level facts; the front desk
         *     opens walk-ins (``POST`` with ``patient_id``) and visits of appointments
         *     (``appointment_id``; arrival opens them too); clinicians complete them.
         */
        post: operations["clinic_visits_complete_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Clinics (branches) of the caller's organization. Owners list and edit every branch
         *     and open new ones; an admin lists and edits only the branches where they are an
         *     active manager (another branch answers 404); every member reads and managers edit
         *     the current one at ``clinics/me``.
         */
        get: operations["clinics_list"];
        put?: never;
        /**
         * @description Clinics (branches) of the caller's organization. Owners list and edit every branch
         *     and open new ones; an admin lists and edits only the branches where they are an
         *     active manager (another branch answers 404); every member reads and managers edit
         *     the current one at ``clinics/me``.
         */
        post: operations["clinics_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/clinics/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Clinics (branches) of the caller's organization. Owners list and edit every branch
         *     and open new ones; an admin lists and edits only the branches where they are an
         *     active manager (another branch answers 404); every member reads and managers edit
         *     the current one at ``clinics/me``.
         */
        get: operations["clinics_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description Clinics (branches) of the caller's organization. Owners list and edit every branch
         *     and open new ones; an admin lists and edits only the branches where they are an
         *     active manager (another branch answers 404); every member reads and managers edit
         *     the current one at ``clinics/me``.
         */
        patch: operations["clinics_partial_update"];
        trace?: never;
    };
    "/api/v1/clinics/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The clinic named by X-Clinic-Id. */
        get: operations["clinics_me_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description Clinics (branches) of the caller's organization. Owners list and edit every branch
         *     and open new ones; an admin lists and edits only the branches where they are an
         *     active manager (another branch answers 404); every member reads and managers edit
         *     the current one at ``clinics/me``.
         */
        patch: operations["clinics_me_partial_update"];
        trace?: never;
    };
    "/api/v1/commerce/course-balances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Patients' prepaid sessions. ``<id>/redeem`` takes one session (409 when none is
         *     left, expired or not active; idempotent per ``reference_type``/``reference_id``).
         *     Filter with ``?patient=``, ``?status=``.
         */
        get: operations["commerce_course_balances_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/course-balances/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Patients' prepaid sessions. ``<id>/redeem`` takes one session (409 when none is
         *     left, expired or not active; idempotent per ``reference_type``/``reference_id``).
         *     Filter with ``?patient=``, ``?status=``.
         */
        get: operations["commerce_course_balances_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/course-balances/{id}/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Patients' prepaid sessions. ``<id>/redeem`` takes one session (409 when none is
         *     left, expired or not active; idempotent per ``reference_type``/``reference_id``).
         *     Filter with ``?patient=``, ``?status=``.
         */
        post: operations["commerce_course_balances_redeem_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/course-redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Sessions taken from course balances, newest first (``CourseRedemptionFilter``);
         *     ``<id>/undo`` gives back one taken today (managers; 409 ``redemption_not_today`` for
         *     an earlier day's, see ``commerce.services.course_redemption_undo``).
         */
        get: operations["commerce_course_redemptions_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/course-redemptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Sessions taken from course balances, newest first (``CourseRedemptionFilter``);
         *     ``<id>/undo`` gives back one taken today (managers; 409 ``redemption_not_today`` for
         *     an earlier day's, see ``commerce.services.course_redemption_undo``).
         */
        get: operations["commerce_course_redemptions_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/course-redemptions/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Give the session back (``commerce.services.course_redemption_undo``): 200 with
         *     the redemption, ``reversed_at`` set; 409 ``redemption_not_today``.
         */
        post: operations["commerce_course_redemptions_undo_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoice-links/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ``GET /commerce/invoice-links/<token>``: the invoice's PDF for the patient who got
         *     the link by SMS or WhatsApp, without signing in. The token is the authority
         *     (``invoice_by_link_token``: signed, ``INVOICE_LINK_MAX_AGE_HOURS``); it opens only
         *     that invoice's PDF; 404 when it is expired, forged or the invoice was voided.
         *     Throttled per client address; never cached nor indexed.
         */
        get: operations["commerce_invoice_links_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Invoices with their items, the patient's name and the clinic-local date, newest
         *     first (filters: ``InvoiceFilter``). ``<id>/payments`` records one payment;
         *     ``<id>/collect`` several at once (all or nothing); ``<id>/pdf`` is the invoice as PDF
         *     in the clinic's language and currency; ``<id>/send`` sends it to the patient;
         *     ``to-collect`` lists the drafts of completed visits waiting at the till.
         */
        get: operations["commerce_invoices_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Invoices with their items, the patient's name and the clinic-local date, newest
         *     first (filters: ``InvoiceFilter``). ``<id>/payments`` records one payment;
         *     ``<id>/collect`` several at once (all or nothing); ``<id>/pdf`` is the invoice as PDF
         *     in the clinic's language and currency; ``<id>/send`` sends it to the patient;
         *     ``to-collect`` lists the drafts of completed visits waiting at the till.
         */
        get: operations["commerce_invoices_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoices/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Take one or several payments of an open invoice in one transaction (see
         *     ``commerce.services.invoices.invoice_payments_record``): 400 names
         *     ``payments.<i>.amount`` past the balance, ``leave_balance`` when less is paid
         *     without saying so; 409 for an invoice not open or a reused key. A retry with the
         *     same key answers the first payments.
         */
        post: operations["commerce_invoices_collect_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Invoices with their items, the patient's name and the clinic-local date, newest
         *     first (filters: ``InvoiceFilter``). ``<id>/payments`` records one payment;
         *     ``<id>/collect`` several at once (all or nothing); ``<id>/pdf`` is the invoice as PDF
         *     in the clinic's language and currency; ``<id>/send`` sends it to the patient;
         *     ``to-collect`` lists the drafts of completed visits waiting at the till.
         */
        post: operations["commerce_invoices_payments_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Invoices with their items, the patient's name and the clinic-local date, newest
         *     first (filters: ``InvoiceFilter``). ``<id>/payments`` records one payment;
         *     ``<id>/collect`` several at once (all or nothing); ``<id>/pdf`` is the invoice as PDF
         *     in the clinic's language and currency; ``<id>/send`` sends it to the patient;
         *     ``to-collect`` lists the drafts of completed visits waiting at the till.
         */
        get: operations["commerce_invoices_pdf_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoices/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Send the invoice to its patient (``commerce.services.invoice_delivery.invoice_send``):
         *     by e-mail with the PDF attached, by SMS or WhatsApp with a link to it. 202 once
         *     recorded (delivered in the background); a retry with the same key answers 200
         *     with the first send. 400 names ``channel`` (no address for it) or
         *     ``idempotency_key``; 409 for a draft or void invoice.
         */
        post: operations["commerce_invoices_send_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/invoices/to-collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The till's *To collect* queue: this clinic's draft invoices of completed
         *     visits, newest first, with patient, practitioners, treatments and total
         *     (``commerce.selectors.invoice_drafts_to_collect``). Paginated; live updates come
         *     as ``com.aesthetix.invoice.drafted`` and ``com.aesthetix.sale.completed`` events.
         */
        get: operations["commerce_invoices_to_collect_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Payments received (positive) and refunded (negative). Filter with ``?invoice=``,
         *     ``?method=``, ``?status=``. ``settings`` are the clinic's payment settings (managers
         *     change them); ``qr`` is the payment QR code of an amount by PromptPay or Pix.
         */
        get: operations["commerce_payments_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/payments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Payments received (positive) and refunded (negative). Filter with ``?invoice=``,
         *     ``?method=``, ``?status=``. ``settings`` are the clinic's payment settings (managers
         *     change them); ``qr`` is the payment QR code of an amount by PromptPay or Pix.
         */
        get: operations["commerce_payments_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/payments/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description The EMVCo QR payload the patient scans to pay ``amount`` by PromptPay or Pix.
         *     Records nothing: the cashier records the payment once it is received. 400 names
         *     ``method`` (not accepted, not a QR method, no ID set), ``amount`` or ``reference``.
         */
        post: operations["commerce_payments_qr_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/payments/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The methods the clinic accepts (and those its country allows), its PromptPay
         *     ID or Pix key and the city its BR Code prints.
         */
        get: operations["commerce_payments_settings_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description Change the settings sent (``commerce.services.payment_settings_update``); 400
         *     names the field (``payment_methods.<i>`` for a method unknown or not in the
         *     clinic's country).
         */
        patch: operations["commerce_payments_settings_partial_update"];
        trace?: never;
    };
    "/api/v1/commerce/payments/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description ``POST /commerce/payments/webhook``: the card gateway settles a pending payment.
         *     No user: the call is authenticated by the HMAC-SHA256 signature of its timestamp and raw body
         *     (``commerce.payment_providers.webhook_verify``); 401 when it is missing, wrong or
         *     older than the tolerance, 400 names a bad field, 404 for an unknown payment
         *     reference, 200 otherwise (also for an event already applied).
         */
        post: operations["commerce_payments_webhook_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description POS sales, newest first. ``POST checkout`` sells a cart; ``<id>/refund`` gives
         *     back lines; ``<id>/void`` cancels an unpaid sale. Filter with ``?status=``,
         *     ``?patient=``.
         */
        get: operations["commerce_sales_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description POS sales, newest first. ``POST checkout`` sells a cart; ``<id>/refund`` gives
         *     back lines; ``<id>/void`` cancels an unpaid sale. Filter with ``?status=``,
         *     ``?patient=``.
         */
        get: operations["commerce_sales_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales/{id}/commission-status/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ``pending`` until the worker has computed the sale, then ``done`` with the
         *     commission lines (or ``failed`` with the error).
         */
        get: operations["commerce_sales_commission_status_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description POS sales, newest first. ``POST checkout`` sells a cart; ``<id>/refund`` gives
         *     back lines; ``<id>/void`` cancels an unpaid sale. Filter with ``?status=``,
         *     ``?patient=``.
         */
        post: operations["commerce_sales_refund_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description POS sales, newest first. ``POST checkout`` sells a cart; ``<id>/refund`` gives
         *     back lines; ``<id>/void`` cancels an unpaid sale. Filter with ``?status=``,
         *     ``?patient=``.
         */
        post: operations["commerce_sales_void_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Sell a cart in one transaction (see ``commerce.services.sales.sale_checkout``).
         *     Retrying with the same idempotency key answers 200 with the first sale; the same
         *     key with another cart is a 409.
         */
        post: operations["commerce_sales_checkout_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Price a cart as checkout would, writing nothing (``commerce.services.sale_quote``):
         *     the server total the POS must match before it confirms payment. 400 names the field.
         */
        post: operations["commerce_sales_quote_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commerce/sales/tax-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's currency and tax configuration (label, inclusive or not, percent
         *     rates per line kind) with which the POS prices a cart as ``commerce.pricing`` does.
         */
        get: operations["commerce_sales_tax_settings_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The commission ledger. Owners, admins and the accountant see every practitioner's
         *     logs; any other role sees only their own. Filter with ``?practitioner=``,
         *     ``?period=``, ``?kind=``, ``?sale=``.
         */
        get: operations["commissions_logs_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The commission ledger. Owners, admins and the accountant see every practitioner's
         *     logs; any other role sees only their own. Filter with ``?practitioner=``,
         *     ``?period=``, ``?kind=``, ``?sale=``.
         */
        get: operations["commissions_logs_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/logs/settle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Close a period now (also done daily for ended periods): writes the adjustment
         *     logs that bring each practitioner's total to what the final tier implies, and
         *     audits the close (``commission_period.settled``). A practitioner who is not on
         *     this clinic's staff is a 404.
         */
        post: operations["commissions_logs_settle_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/logs/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description One practitioner's statement for one period: commission and reversal lines,
         *     period adjustments and totals (Decimal strings, clinic currency).
         */
        get: operations["commissions_logs_statement_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/logs/statement/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The statement as CSV (UTF-8, one row per log, then the total row; ``earned``:
         *     on the revenue paid so far).
         */
        get: operations["commissions_logs_statement_csv_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's commission rules. Every create and change is audited
         *     (``commission_rule.created`` / ``commission_rule.updated``); a change bumps ``version``.
         *     Filter with ``?scope=`` and ``?is_active=``.
         */
        get: operations["commissions_rules_list"];
        put?: never;
        /**
         * @description The clinic's commission rules. Every create and change is audited
         *     (``commission_rule.created`` / ``commission_rule.updated``); a change bumps ``version``.
         *     Filter with ``?scope=`` and ``?is_active=``.
         */
        post: operations["commissions_rules_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's commission rules. Every create and change is audited
         *     (``commission_rule.created`` / ``commission_rule.updated``); a change bumps ``version``.
         *     Filter with ``?scope=`` and ``?is_active=``.
         */
        get: operations["commissions_rules_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description The clinic's commission rules. Every create and change is audited
         *     (``commission_rule.created`` / ``commission_rule.updated``); a change bumps ``version``.
         *     Filter with ``?scope=`` and ``?is_active=``.
         */
        patch: operations["commissions_rules_partial_update"];
        trace?: never;
    };
    "/api/v1/compliance/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's audit trail, newest first: who did what to which record, from where.
         *     Filter with ``?actor=``, ``?action=``, ``?object_type=``, ``?object_id=``,
         *     ``?occurred_at_after=`` and ``?occurred_at_before=``. A malformed filter value is a
         *     400 naming the parameter.
         */
        get: operations["compliance_audit_events_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/audit-events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's audit trail, newest first: who did what to which record, from where.
         *     Filter with ``?actor=``, ``?action=``, ``?object_type=``, ``?object_id=``,
         *     ``?occurred_at_after=`` and ``?occurred_at_before=``. A malformed filter value is a
         *     400 naming the parameter.
         */
        get: operations["compliance_audit_events_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/data-subject-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Patients' requests for a copy, erasure or rectification of their data (owners and
         *     admins). Open requests are listed by due date, without their results;
         *     ``?status=`` and ``?kind=`` filter. Opening one returns its result, and each opening
         *     of a request that has one is audited (``dsr_result.viewed``).
         */
        get: operations["compliance_data_subject_requests_list"];
        put?: never;
        /**
         * @description Patients' requests for a copy, erasure or rectification of their data (owners and
         *     admins). Open requests are listed by due date, without their results;
         *     ``?status=`` and ``?kind=`` filter. Opening one returns its result, and each opening
         *     of a request that has one is audited (``dsr_result.viewed``).
         */
        post: operations["compliance_data_subject_requests_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/data-subject-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Patients' requests for a copy, erasure or rectification of their data (owners and
         *     admins). Open requests are listed by due date, without their results;
         *     ``?status=`` and ``?kind=`` filter. Opening one returns its result, and each opening
         *     of a request that has one is audited (``dsr_result.viewed``).
         */
        get: operations["compliance_data_subject_requests_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/data-subject-requests/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Patients' requests for a copy, erasure or rectification of their data (owners and
         *     admins). Open requests are listed by due date, without their results;
         *     ``?status=`` and ``?kind=`` filter. Opening one returns its result, and each opening
         *     of a request that has one is audited (``dsr_result.viewed``).
         */
        post: operations["compliance_data_subject_requests_complete_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/compliance/data-subject-requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Patients' requests for a copy, erasure or rectification of their data (owners and
         *     admins). Open requests are listed by due date, without their results;
         *     ``?status=`` and ``?kind=`` filter. Opening one returns its result, and each opening
         *     of a request that has one is audited (``dsr_result.viewed``).
         */
        post: operations["compliance_data_subject_requests_reject_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-texts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Versioned consent wording per purpose and language. ``?purpose=`` and ``?locale=``. */
        get: operations["consent_texts_list"];
        put?: never;
        /** @description Versioned consent wording per purpose and language. ``?purpose=`` and ``?locale=``. */
        post: operations["consent_texts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-texts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Versioned consent wording per purpose and language. ``?purpose=`` and ``?locale=``. */
        get: operations["consent_texts_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/consent-texts/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The wording to show a patient now: per purpose, the newest version in `locale`, else in the clinic's language, else in English, else in any language. Purposes without a published text are left out. */
        get: operations["consent_texts_current_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Stock lots, FEFO order. ``POST`` receives stock (creating the lot on its first
         *     receipt); ``<id>/adjust`` corrects a count, ``<id>/transfer`` moves stock to a sister
         *     clinic, ``<id>/recall`` lists every patient who received the lot. Filter with
         *     ``?product=``.
         */
        get: operations["inventory_lots_list"];
        put?: never;
        /**
         * @description Stock lots, FEFO order. ``POST`` receives stock (creating the lot on its first
         *     receipt); ``<id>/adjust`` corrects a count, ``<id>/transfer`` moves stock to a sister
         *     clinic, ``<id>/recall`` lists every patient who received the lot. Filter with
         *     ``?product=``.
         */
        post: operations["inventory_lots_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/lots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Stock lots, FEFO order. ``POST`` receives stock (creating the lot on its first
         *     receipt); ``<id>/adjust`` corrects a count, ``<id>/transfer`` moves stock to a sister
         *     clinic, ``<id>/recall`` lists every patient who received the lot. Filter with
         *     ``?product=``.
         */
        get: operations["inventory_lots_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/lots/{id}/adjust": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Stock lots, FEFO order. ``POST`` receives stock (creating the lot on its first
         *     receipt); ``<id>/adjust`` corrects a count, ``<id>/transfer`` moves stock to a sister
         *     clinic, ``<id>/recall`` lists every patient who received the lot. Filter with
         *     ``?product=``.
         */
        post: operations["inventory_lots_adjust_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/lots/{id}/recall": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Every patient and session or sale line that received this lot, in one call. */
        get: operations["inventory_lots_recall_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/lots/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * @description Send stock to a clinic of the same organization where the caller may manage
         *     stock too; ``to_product_id`` is that clinic's product. Answers the outgoing
         *     movement.
         */
        post: operations["inventory_lots_transfer_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/low-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ``low-stock``: active products whose unexpired stock is under their threshold;
         *     ``near-expiry``: lots with stock expiring within ``?days=`` (default 60, expired
         *     included). Both paginated.
         */
        get: operations["inventory_low_stock_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The stock ledger, newest first. ``POST`` consumes stock in a treatment (FEFO
         *     unless ``lot_id``); expired lots and more than on hand are a 400 naming ``lot_id``
         *     or ``quantity``. Filter with ``?kind=``, ``?lot=``, ``?patient=``.
         */
        get: operations["inventory_movements_list"];
        put?: never;
        /**
         * @description The stock ledger, newest first. ``POST`` consumes stock in a treatment (FEFO
         *     unless ``lot_id``); expired lots and more than on hand are a 400 naming ``lot_id``
         *     or ``quantity``. Filter with ``?kind=``, ``?lot=``, ``?patient=``.
         */
        post: operations["inventory_movements_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/movements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The stock ledger, newest first. ``POST`` consumes stock in a treatment (FEFO
         *     unless ``lot_id``); expired lots and more than on hand are a 400 naming ``lot_id``
         *     or ``quantity``. Filter with ``?kind=``, ``?lot=``, ``?patient=``.
         */
        get: operations["inventory_movements_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/near-expiry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ``low-stock``: active products whose unexpired stock is under their threshold;
         *     ``near-expiry``: lots with stock expiring within ``?days=`` (default 60, expired
         *     included). Both paginated.
         */
        get: operations["inventory_near_expiry_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["invites_list"];
        put?: never;
        post: operations["invites_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["invites_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["invites_revoke_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What a pending invite offers: clinic, role, the masked mobile number and whether it has an account. 400 `token` for an unknown link; 410 when the invite expired, was revoked or used. */
        get: operations["invites_accept_retrieve"];
        put?: never;
        /** @description Accept an invite. New people send password and names; people with an account sign in first. 410 when the invite expired, was revoked or used. */
        post: operations["invites_accept_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Journal entries (newest first) with their lines; ``trial-balance`` and
         *     ``period-totals`` sum them per account over ``?start=``/``?end=``. Filter entries
         *     with ``?reference_type=``.
         */
        get: operations["ledger_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Journal entries (newest first) with their lines; ``trial-balance`` and
         *     ``period-totals`` sum them per account over ``?start=``/``?end=``. Filter entries
         *     with ``?reference_type=``.
         */
        get: operations["ledger_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/period-totals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Journal entries (newest first) with their lines; ``trial-balance`` and
         *     ``period-totals`` sum them per account over ``?start=``/``?end=``. Filter entries
         *     with ``?reference_type=``.
         */
        get: operations["ledger_period_totals_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledger/trial-balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Journal entries (newest first) with their lines; ``trial-balance`` and
         *     ``period-totals`` sum them per account over ``?start=``/``?end=``. Filter entries
         *     with ``?reference_type=``.
         */
        get: operations["ledger_trial_balance_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ``licences``: the professional licences of the clinic's practitioners, for its
         *     owners and admins to verify (``?expiring_within_days=``, ``?status=``,
         *     ``?council=``); a licence of someone who does not practise here answers 404.
         */
        get: operations["licences_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ``licences``: the professional licences of the clinic's practitioners, for its
         *     owners and admins to verify (``?expiring_within_days=``, ``?status=``,
         *     ``?council=``); a licence of someone who does not practise here answers 404.
         */
        get: operations["licences_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/licences/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Verify or reject the licence, saying how it was checked (`note`). A verification is put to the configured licence registry first; one that finds the licence not in force makes it `rejected`. 503 `licence_registry_unavailable` when the registry gives no usable answer (the licence is not changed). */
        post: operations["licences_verify_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's patients. Reading one patient's record is audited (``patient.viewed``).
         *     The list counts its total up to a bound (``BoundedCountPagination``: ``count_is_exact``).
         */
        get: operations["patients_list"];
        put?: never;
        /**
         * @description Register a patient (``services.patient_register``), with the consent decisions
         *     taken in the same step (``consents``): all or nothing.
         */
        post: operations["patients_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's patients. Reading one patient's record is audited (``patient.viewed``).
         *     The list counts its total up to a bound (``BoundedCountPagination``: ``count_is_exact``).
         */
        get: operations["patients_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * @description The clinic's patients. Reading one patient's record is audited (``patient.viewed``).
         *     The list counts its total up to a bound (``BoundedCountPagination``: ``count_is_exact``).
         */
        patch: operations["patients_partial_update"];
        trace?: never;
    };
    "/api/v1/patients/{id}/access-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Who opened this patient's record, newest first (owners and admins). */
        get: operations["patients_access_history_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The contraindications of treatment ``service`` that the patient's medical
         *     history matches. Every role that sees the patient learns whether there is a match
         *     (the front desk must send the patient to a clinician before booking it); only
         *     clinical roles learn what matched (audited as ``patient.viewed`` when there is
         *     something to see). 400 naming ``service`` for a missing or foreign id.
         */
        get: operations["patients_alerts_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's patients. Reading one patient's record is audited (``patient.viewed``).
         *     The list counts its total up to a bound (``BoundedCountPagination``: ``count_is_exact``).
         */
        get: operations["patients_consents_retrieve"];
        put?: never;
        /**
         * @description The clinic's patients. Reading one patient's record is audited (``patient.viewed``).
         *     The list counts its total up to a bound (``BoundedCountPagination``: ``count_is_exact``).
         */
        post: operations["patients_consents_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/identity-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Ask the patient to prove they are the person other organizations know by the same national ID: a one-time code goes by SMS to each phone on file there, never to the caller. The answer is the same whether or not any code was sent. Throttled per user (`identity_link`). */
        post: operations["patients_identity_link_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/identity-link/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Link with the code the patient read out; a wrong or expired one is a 400 naming `code`. */
        post: operations["patients_identity_link_confirm_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/intake": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The patient's medical history (clinical roles; audited as ``patient.viewed``). */
        get: operations["patients_intake_retrieve"];
        put?: never;
        /**
         * @description Record the medical history as a new version (clinical roles). Sending the
         *     current history again records nothing (a retried request) and answers 200.
         */
        post: operations["patients_intake_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The patient's appointments, visits, sessions, invoices and consent decisions,
         *     newest first (``emr.selectors.patient_timeline``). ``kind`` (comma-separated),
         *     ``date_from``/``date_to`` (clinic-local dates, both included), ``page``,
         *     ``page_size`` (≤ 100). Sessions only for clinical roles; amounts only for roles
         *     that see invoices.
         */
        get: operations["patients_timeline_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/enrol": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Make a patient of a sibling clinic (a match's `profile`) a patient of this clinic too, instead of registering them twice; with consent decisions as in registration. Idempotent. An unknown profile, or one of another organization, is a 400 naming `profile`. */
        post: operations["patients_enrol_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/patients/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description The organization's patients (this clinic's and its sibling clinics') with this phone or national ID: the duplicates to offer before registering. A POST so the number is not written to addresses and logs. Personal data masked by role; other organizations are never looked at. At most 10. */
        post: operations["patients_matches_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's bookable devices (lasers, HIFU…), by name; ``?kind=`` and
         *     ``?is_active=`` filter. Everyone sees them; managers add, rename, change the kind and
         *     (de)activate. DELETE removes a device never booked (204) and deactivates one that
         *     was (200 with the device), so past appointments keep naming it.
         */
        get: operations["resources_list"];
        put?: never;
        /**
         * @description The clinic's bookable devices (lasers, HIFU…), by name; ``?kind=`` and
         *     ``?is_active=`` filter. Everyone sees them; managers add, rename, change the kind and
         *     (de)activate. DELETE removes a device never booked (204) and deactivates one that
         *     was (200 with the device), so past appointments keep naming it.
         */
        post: operations["resources_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/resources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description The clinic's bookable devices (lasers, HIFU…), by name; ``?kind=`` and
         *     ``?is_active=`` filter. Everyone sees them; managers add, rename, change the kind and
         *     (de)activate. DELETE removes a device never booked (204) and deactivates one that
         *     was (200 with the device), so past appointments keep naming it.
         */
        get: operations["resources_retrieve"];
        put?: never;
        post?: never;
        /**
         * @description The clinic's bookable devices (lasers, HIFU…), by name; ``?kind=`` and
         *     ``?is_active=`` filter. Everyone sees them; managers add, rename, change the kind and
         *     (de)activate. DELETE removes a device never booked (204) and deactivates one that
         *     was (200 with the device), so past appointments keep naming it.
         */
        delete: operations["resources_destroy"];
        options?: never;
        head?: never;
        /**
         * @description The clinic's bookable devices (lasers, HIFU…), by name; ``?kind=`` and
         *     ``?is_active=`` filter. Everyone sees them; managers add, rename, change the kind and
         *     (de)activate. DELETE removes a device never booked (204) and deactivates one that
         *     was (200 with the device), so past appointments keep naming it.
         */
        patch: operations["resources_partial_update"];
        trace?: never;
    };
    "/api/v1/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The clinic's staff (memberships). ``?search=`` matches names and phone. */
        get: operations["staff_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/staff/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The clinic's staff (memberships). ``?search=`` matches names and phone. */
        get: operations["staff_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description The clinic's staff (memberships). ``?search=`` matches names and phone. */
        patch: operations["staff_partial_update"];
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["users_me_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["users_me_partial_update"];
        trace?: never;
    };
    "/api/v1/users/me/licences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["users_me_licences_list"];
        put?: never;
        post: operations["users_me_licences_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description ``users/me/preferences``: the caller's own screen choices at the request's clinic
         *     (``X-Clinic-Id``; 400 ``clinic_required`` without it, 404 for a clinic they are not a
         *     member of), saved on the server so they follow the person from desk to desk.
         */
        get: operations["users_me_preferences_retrieve"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** @description Change the given keys. 400 naming `calendar_practitioners` when one is not an active practitioner of this clinic, or `calendar_view`. */
        patch: operations["users_me_preferences_partial_update"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessEvent: {
            /** Format: date-time */
            occurred_at: string;
            actor: string | null;
            actor_role: string;
            ip: string | null;
        };
        AccountTotal: {
            account: string;
            /** Format: decimal */
            debit: string;
            /** Format: decimal */
            credit: string;
            /**
             * Format: decimal
             * @description debit - credit
             */
            balance: string;
        };
        AdjustInputRequest: {
            /**
             * Format: decimal
             * @description Signed: -1 takes one out, 2 adds two
             */
            quantity: string;
            reason: string;
        };
        Alert: {
            code: components["schemas"]["ContraindicationEnum"];
            /** @description The contraindication's English name */
            name: string;
            /**
             * @description The part of the medical history that matched
             *
             *     * `pregnancy` - pregnancy
             *     * `breast_feeding` - breast_feeding
             *     * `allergy` - allergy
             *     * `medication` - medication
             *     * `condition` - condition
             */
            found_in: components["schemas"]["FoundInEnum"];
            detail: string;
        };
        Allergy: {
            substance: string;
            /** @default unknown */
            severity: components["schemas"]["SeverityEnum"];
            /** @default  */
            notes: string;
        };
        AllergyRequest: {
            substance: string;
            /** @default unknown */
            severity: components["schemas"]["SeverityEnum"];
            /** @default  */
            notes: string;
        };
        /**
         * @description * `front` - Frontal
         *     * `left_oblique` - Left oblique (45°)
         *     * `right_oblique` - Right oblique (45°)
         *     * `left_lateral` - Left profile (90°)
         *     * `right_lateral` - Right profile (90°)
         *     * `other` - Other
         * @enum {string}
         */
        AngleEnum: "front" | "left_oblique" | "right_oblique" | "left_lateral" | "right_lateral" | "other";
        Appointment: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient_id: string;
            readonly patient_name: string;
            readonly chart_number: string;
            /** Format: uuid */
            readonly practitioner_id: string;
            readonly practitioner_name: string;
            /** Format: uuid */
            readonly service_id: string;
            readonly service_name: string;
            /**
             * Format: decimal
             * @description The deposit the treatment asks for (zero: none); its state is at /deposit
             */
            readonly deposit_amount: string;
            /** Format: uuid */
            readonly room_id: string | null;
            /** Format: uuid */
            readonly resource_id: string | null;
            readonly resource_name: string | null;
            /** Format: date-time */
            readonly starts_at: string;
            /** Format: date-time */
            readonly ends_at: string;
            /** Format: date-time */
            readonly blocked_until: string;
            readonly status: components["schemas"]["AppointmentStatusEnum"];
            readonly source: components["schemas"]["SourceEnum"];
            readonly notes: string;
            readonly cancel_reason: string;
            /** Format: date-time */
            readonly cancelled_at: string | null;
            /** Format: uuid */
            readonly cancelled_by_id: string | null;
            readonly late_cancellation: boolean;
            /** Format: date-time */
            readonly created_at: string;
        };
        AppointmentBookRequest: {
            /** Format: uuid */
            patient_id: string;
            /** Format: uuid */
            practitioner_id: string;
            /** Format: uuid */
            service_id: string;
            /**
             * Format: date-time
             * @description ISO 8601 with offset, e.g. 2026-12-01T09:00:00+07:00
             */
            starts_at: string;
            /** Format: uuid */
            room_id?: string | null;
            /** Format: uuid */
            resource_id?: string | null;
            notes?: string;
        };
        AppointmentCancelRequest: {
            reason: string;
        };
        /**
         * @description An appointment's deposit (``commerce.selectors.DepositState``) and the methods
         *     the desk may take it by. Money as decimal strings in ``currency``.
         */
        AppointmentDeposit: {
            /** Format: uuid */
            appointment_id: string;
            /**
             * @description none: the treatment asks for no deposit; due: not received yet; paid: held
             *
             *     * `none` - none
             *     * `due` - due
             *     * `paid` - paid
             *     * `applied` - applied
             *     * `refunded` - refunded
             *     * `forfeited` - forfeited
             */
            status: components["schemas"]["AppointmentDepositStatusEnum"];
            /**
             * Format: decimal
             * @description Asked for
             */
            amount: string;
            currency: string;
            /**
             * Format: decimal
             * @description Received and not given back
             */
            paid: string;
            /**
             * Format: decimal
             * @description Put on the visit's invoice
             */
            applied: string;
            /** @description A card charge awaits the provider */
            pending: boolean;
            /** @description How it was paid (blank: not yet) */
            method: string;
            /** @description The deposit invoice (blank: none yet) */
            invoice_number: string;
            /** Format: uuid */
            applied_invoice_id: string | null;
            /** Format: date-time */
            settled_at: string | null;
            /** @description The methods the clinic accepts, in the order the till offers them */
            payment_methods: components["schemas"]["TillMethodEnum"][];
        };
        /**
         * @description * `none` - none
         *     * `due` - due
         *     * `paid` - paid
         *     * `applied` - applied
         *     * `refunded` - refunded
         *     * `forfeited` - forfeited
         * @enum {string}
         */
        AppointmentDepositStatusEnum: "none" | "due" | "paid" | "applied" | "refunded" | "forfeited";
        AppointmentDepositTakeRequest: {
            method: components["schemas"]["TillMethodEnum"];
            idempotency_key: string;
        };
        /**
         * @description * `booked` - Booked
         *     * `confirmed` - Confirmed
         *     * `arrived` - Arrived
         *     * `in_progress` - In progress
         *     * `completed` - Completed
         *     * `cancelled` - Cancelled
         *     * `no_show` - No-show
         * @enum {string}
         */
        AppointmentStatusEnum: "booked" | "confirmed" | "arrived" | "in_progress" | "completed" | "cancelled" | "no_show";
        AuditEvent: {
            /** Format: uuid */
            readonly id: string;
            readonly sequence: number;
            /** Format: date-time */
            readonly occurred_at: string;
            /** Format: uuid */
            readonly actor: string | null;
            /** @description The actor's name; null for the system. */
            readonly actor_name: string | null;
            readonly actor_role: string;
            readonly action: string;
            readonly object_type: string;
            readonly object_id: string;
            /** @description {field: [old, new]}; values of contact and ID fields are masked. */
            readonly changes: {
                [key: string]: unknown[];
            };
            readonly ip: string | null;
            readonly user_agent: string;
            readonly request_id: string;
            readonly prev_hash: string;
            readonly hash: string;
        };
        /** @enum {unknown} */
        BlankEnum: "";
        CalendarRange: {
            appointments: components["schemas"]["Appointment"][];
            practitioners: components["schemas"]["PractitionerHours"][];
        };
        /**
         * @description * `day` - day
         *     * `week` - week
         *     * `practitioner_week` - practitioner_week
         *     * `timeline` - timeline
         * @enum {string}
         */
        CalendarViewEnum: "day" | "week" | "practitioner_week" | "timeline";
        CartLineInputRequest: {
            kind: components["schemas"]["SaleLineKindEnum"];
            /**
             * Format: uuid
             * @description The service, product or course
             */
            item_id: string;
            /**
             * Format: decimal
             * @default 1.000
             */
            quantity: string;
            /**
             * Format: decimal
             * @default 0.00
             */
            line_discount: string;
            /**
             * Format: uuid
             * @description Products only; default FEFO
             */
            lot_id?: string | null;
            credits?: components["schemas"]["CreditInputRequest"][];
        };
        /**
         * @description * `in_person` - In person at the clinic
         *     * `paper` - Signed paper form
         *     * `portal` - Patient portal
         *     * `phone` - Phone call
         *     * `message` - Written message (e-mail, SMS, WhatsApp, LINE)
         * @enum {string}
         */
        ChannelEnum: "in_person" | "paper" | "portal" | "phone" | "message";
        /** @description A patient's clinical chart at this clinic. */
        Chart: {
            /** Format: uuid */
            patient_id: string;
            chart_number: string;
            visits: components["schemas"]["Visit"][];
            /** @description Current versions (amended ones left out) */
            notes: components["schemas"]["Note"][];
            plans: components["schemas"]["Plan"][];
            consent_forms: components["schemas"]["ConsentSignature"][];
        };
        CheckoutInputRequest: {
            /** Format: uuid */
            patient_id?: string | null;
            currency?: string;
            /**
             * Format: decimal
             * @default 0.00
             */
            cart_discount: string;
            lines: components["schemas"]["CartLineInputRequest"][];
            /**
             * Format: uuid
             * @description A draft invoice to check out: the cart starts with its lines, locked
             */
            invoice_id?: string | null;
            /** @description Or the Idempotency-Key header; one of them is required */
            idempotency_key?: string;
            payments?: components["schemas"]["PaymentInputRequest"][];
            /**
             * @description A product-only sale to an unregistered customer (no patient_id), if the clinic allows it
             * @default false
             */
            walk_in: boolean;
        };
        Clinic: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly slug: string;
            readonly organization: {
                [key: string]: string;
            };
            readonly country: string;
            readonly time_zone: string;
            readonly locale: string;
            readonly currency: string;
            readonly phone: string;
            readonly address: string;
            readonly is_active: boolean;
            readonly session_idle_minutes: number | null;
            readonly checkin_opens_minutes_before: number;
            readonly late_cancellation_hours: number;
            readonly licence_check: boolean;
            /** Format: date-time */
            readonly created_at: string;
        };
        ClinicInputRequest: {
            name: string;
            /** @description ISO 3166-1 alpha-2 */
            country: string;
            /** @description IANA zone, e.g. Asia/Bangkok */
            time_zone: string;
            /** @description BCP 47, e.g. th, pt-BR, ar */
            locale: string;
            /** @description ISO 4217 */
            currency: string;
            phone?: string;
            address?: string;
        };
        /** @description A practitioner's licence as the clinic's owners and admins review it. */
        ClinicLicence: {
            /** Format: uuid */
            readonly id: string;
            readonly member: components["schemas"]["LicenceMember"];
            readonly council: components["schemas"]["CouncilEnum"];
            readonly number: string;
            /**
             * @description e.g. SP for CRM-SP
             * @default
             */
            readonly region: string;
            /** Format: date */
            readonly valid_until: string | null;
            /** @description Days from the clinic's today to `valid_until` (negative: expired); null without one */
            readonly expires_in_days: number | null;
            readonly status: components["schemas"]["LicenceStatusEnum"];
            /** Format: date-time */
            readonly verified_at: string | null;
            /** @default  */
            readonly verified_by: string;
            readonly verification_note: string;
            readonly registry_reference: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `draft` - Draft
         *     * `signed` - Signed
         * @enum {string}
         */
        ClinicalNoteStatusEnum: "draft" | "signed";
        CollectInputRequest: {
            idempotency_key: string;
            currency: string;
            payments: components["schemas"]["PaymentInputRequest"][];
            /**
             * @description Pay less than the balance due, on purpose
             * @default false
             */
            leave_balance: boolean;
        };
        CollectOutput: {
            invoice: components["schemas"]["Invoice"];
            payments: components["schemas"]["Payment"][];
        };
        CommissionLog: {
            /** Format: uuid */
            readonly id: string;
            readonly kind: components["schemas"]["CommissionLogKindEnum"];
            readonly status: components["schemas"]["CommissionLogStatusEnum"];
            /** Format: uuid */
            readonly sale: string | null;
            readonly sale_number: string;
            /** Format: uuid */
            readonly sale_line: string | null;
            readonly line_description: string;
            /** Format: uuid */
            readonly refund: string | null;
            /** Format: uuid */
            readonly practitioner: string;
            readonly practitioner_name: string;
            /** Format: uuid */
            readonly rule: string;
            readonly rule_version: number;
            /** Format: decimal */
            readonly share: string;
            /** Format: decimal */
            readonly basis_amount: string;
            /**
             * Format: decimal
             * @description Percent, or amount per unit (see rate_type)
             */
            readonly rate: string;
            /** @description How ``rate`` reads: the rule's terms at the log */
            readonly rate_type: components["schemas"]["RateTypeEnum"];
            /** Format: decimal */
            readonly tier_above: string | null;
            /** Format: decimal */
            readonly amount: string;
            readonly currency: string;
            /** Format: date */
            readonly period: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `commission` - Commission
         *     * `reversal` - Reversal
         *     * `adjustment` - Period adjustment
         * @enum {string}
         */
        CommissionLogKindEnum: "commission" | "reversal" | "adjustment";
        /**
         * @description * `accrued` - Accrued
         *     * `settled` - Settled at period close
         * @enum {string}
         */
        CommissionLogStatusEnum: "accrued" | "settled";
        CommissionRule: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly course: string | null;
            /** Format: date */
            readonly effective_from: string;
            /** Format: date */
            readonly effective_to: string | null;
            readonly is_active: boolean;
            readonly name: string;
            readonly organization_wide: boolean;
            readonly priority: number;
            /** Format: uuid */
            readonly product: string | null;
            readonly rate_type: components["schemas"]["RateTypeEnum"];
            readonly scope: components["schemas"]["ScopeEnum"];
            /** Format: uuid */
            readonly service: string | null;
            readonly service_category: string;
            readonly settle_at_period_close: boolean;
            readonly tier_mode: components["schemas"]["TierModeEnum"];
            readonly tier_period: components["schemas"]["TierPeriodEnum"];
            readonly tiers: components["schemas"]["Tier"][];
            /** Format: decimal */
            readonly value: string;
            readonly currency: string;
            readonly version: number;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        CommissionRuleInputRequest: {
            name: string;
            scope: components["schemas"]["ScopeEnum"];
            /** Format: uuid */
            service?: string | null;
            service_category?: components["schemas"]["ServiceCategoryEnum"] | components["schemas"]["BlankEnum"];
            /** Format: uuid */
            product?: string | null;
            /** Format: uuid */
            course?: string | null;
            rate_type?: components["schemas"]["RateTypeEnum"];
            /**
             * Format: decimal
             * @description Percent (0-100), or amount per unit, clinic currency
             */
            value: string;
            tiers?: components["schemas"]["TierRequest"][];
            tier_mode?: components["schemas"]["TierModeEnum"];
            tier_period?: components["schemas"]["TierPeriodEnum"];
            settle_at_period_close?: boolean;
            organization_wide?: boolean;
            priority?: number;
            /** Format: date */
            effective_from: string;
            /** Format: date */
            effective_to?: string | null;
            is_active?: boolean;
        };
        CommissionStatus: {
            /** Format: uuid */
            sale_id: string;
            status: components["schemas"]["CommissionStatusStatusEnum"];
            error: string;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: decimal */
            total: string;
            currency: string;
            lines: components["schemas"]["CommissionLog"][];
        };
        /**
         * @description * `pending` - pending
         *     * `done` - done
         *     * `failed` - failed
         * @enum {string}
         */
        CommissionStatusStatusEnum: "pending" | "done" | "failed";
        Condition: {
            name: string;
            /** @default other */
            kind: components["schemas"]["ConditionKindEnum"];
            /** @default unknown */
            severity: components["schemas"]["SeverityEnum"];
            /** @default  */
            notes: string;
        };
        /**
         * @description * `keloid_history` - Keloid or hypertrophic scars
         *     * `active_infection` - Active skin infection
         *     * `autoimmune_disease` - Autoimmune disease
         *     * `neuromuscular_disorder` - Neuromuscular disorder
         *     * `other` - Other
         * @enum {string}
         */
        ConditionKindEnum: "keloid_history" | "active_infection" | "autoimmune_disease" | "neuromuscular_disorder" | "other";
        ConditionRequest: {
            name: string;
            /** @default other */
            kind: components["schemas"]["ConditionKindEnum"];
            /** @default unknown */
            severity: components["schemas"]["SeverityEnum"];
            /** @default  */
            notes: string;
        };
        ConfirmUploadRequest: {
            key: string;
            usage?: components["schemas"]["UsageEnum"];
        };
        Consent: {
            /** Format: uuid */
            readonly id: string;
            readonly purpose: components["schemas"]["PurposeEnum"];
            readonly decision: components["schemas"]["DecisionEnum"];
            /** Format: date-time */
            readonly decided_at: string;
            readonly channel: components["schemas"]["ChannelEnum"];
            /** @description e.g. scanned form reference, message id */
            readonly evidence: string;
            readonly text_version: number | null;
            readonly recorded_by: string | null;
        };
        /**
         * @description * `drawn` - Drawn signature
         *     * `typed` - Typed name
         * @enum {string}
         */
        ConsentFormSignatureMethodEnum: "drawn" | "typed";
        ConsentInputRequest: {
            purpose: components["schemas"]["PurposeEnum"];
            decision: components["schemas"]["DecisionEnum"];
            channel: components["schemas"]["ChannelEnum"];
            evidence?: string;
            /**
             * Format: uuid
             * @description The text agreed to; default: newest in the patient's language
             */
            text_id?: string;
        };
        ConsentSignInputRequest: {
            /** Format: uuid */
            patient_id: string;
            /** Format: uuid */
            template_id: string;
            method: components["schemas"]["ConsentFormSignatureMethodEnum"];
            /** @description Drawn signature: base64 PNG */
            signature_png?: string;
            typed_name?: string;
        };
        ConsentSignature: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient_id: string;
            /** Format: uuid */
            readonly template_id: string;
            readonly template_version: number;
            /** Format: uuid */
            readonly service_id: string;
            readonly method: components["schemas"]["ConsentFormSignatureMethodEnum"];
            readonly typed_name: string;
            /** Format: byte */
            readonly signature_png: string;
            readonly text_sha256: string;
            /** Format: date-time */
            readonly signed_at: string;
            readonly ip: string | null;
            /** Format: uuid */
            readonly recorded_by_id: string;
        };
        ConsentState: {
            /** @description Newest decision per purpose (null: never asked) */
            current: {
                [key: string]: components["schemas"]["Consent"] | null;
            };
            history: components["schemas"]["Consent"][];
        };
        ConsentTemplate: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly service_id: string;
            readonly service_name: string;
            readonly locale: string;
            readonly version: number;
            readonly title: string;
            readonly body: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        ConsentTemplateInputRequest: {
            /** Format: uuid */
            service_id: string;
            locale: components["schemas"]["LanguageEnum"];
            title: string;
            body: string;
        };
        ConsentText: {
            /** Format: uuid */
            readonly id: string;
            readonly purpose: components["schemas"]["PurposeEnum"];
            readonly locale: string;
            readonly version: number;
            readonly title: string;
            readonly body: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        ConsentTextInputRequest: {
            purpose: components["schemas"]["PurposeEnum"];
            locale: components["schemas"]["LanguageEnum"];
            title: string;
            body: string;
        };
        ConsumeInputRequest: {
            /** Format: uuid */
            product_id: string;
            /** Format: decimal */
            quantity: string;
            /**
             * Format: uuid
             * @description Default: FEFO
             */
            lot_id?: string | null;
            /** Format: uuid */
            patient_id?: string | null;
            reference_type?: string;
            /** Format: uuid */
            reference_id?: string | null;
        };
        /**
         * @description * `pregnancy` - Pregnancy
         *     * `breast_feeding` - Breast-feeding
         *     * `anticoagulants` - Anticoagulant or antiplatelet medication
         *     * `isotretinoin` - Isotretinoin in the last 6 months
         *     * `keloid_history` - History of keloid or hypertrophic scars
         *     * `active_infection` - Active skin infection at the site
         *     * `autoimmune_disease` - Autoimmune disease
         *     * `neuromuscular_disorder` - Neuromuscular disorder
         *     * `allergy_lidocaine` - Allergy to lidocaine
         *     * `allergy_hyaluronidase` - Allergy to hyaluronidase
         *     * `allergy_hyaluronic_acid` - Allergy to hyaluronic acid
         *     * `allergy_botulinum_toxin` - Allergy to botulinum toxin
         *     * `allergy_albumin` - Allergy to albumin
         * @enum {string}
         */
        ContraindicationEnum: "pregnancy" | "breast_feeding" | "anticoagulants" | "isotretinoin" | "keloid_history" | "active_infection" | "autoimmune_disease" | "neuromuscular_disorder" | "allergy_lidocaine" | "allergy_hyaluronidase" | "allergy_hyaluronic_acid" | "allergy_botulinum_toxin" | "allergy_albumin";
        /**
         * @description * `CRM` - Conselho Regional de Medicina (BR)
         *     * `COREN` - Conselho Regional de Enfermagem (BR)
         *     * `TMC` - Medical Council of Thailand
         *     * `TNMC` - Thailand Nursing and Midwifery Council
         *     * `SCFHS` - Saudi Commission for Health Specialties
         * @enum {string}
         */
        CouncilEnum: "CRM" | "COREN" | "TMC" | "TNMC" | "SCFHS";
        Course: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly description: string;
            /** Format: decimal */
            readonly price: string;
            readonly currency: string;
            readonly validity_days: number;
            readonly is_active: boolean;
            readonly items: components["schemas"]["CourseItemOutput"][];
            readonly sessions_total: number;
            /** Format: date-time */
            readonly created_at: string;
        };
        CourseBalance: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient: string;
            /** Format: uuid */
            readonly course: string;
            readonly course_name: string;
            /** Format: uuid */
            readonly sale_line: string;
            readonly sessions_total: number;
            readonly sessions_remaining: number;
            /** Format: date-time */
            readonly expires_at: string;
            readonly status: components["schemas"]["CourseBalanceStatusEnum"];
            readonly currency: string;
            /** Format: decimal */
            readonly deferred_total: string;
            /** Format: decimal */
            readonly deferred_remaining: string;
        };
        /**
         * @description * `active` - Active
         *     * `used_up` - Used up
         *     * `expired` - Expired
         *     * `void` - Void
         *     * `refunded` - Refunded
         * @enum {string}
         */
        CourseBalanceStatusEnum: "active" | "used_up" | "expired" | "void" | "refunded";
        CourseInputRequest: {
            name: string;
            description?: string;
            /** Format: decimal */
            price: string;
            validity_days: number;
            items: components["schemas"]["CourseItemInputRequest"][];
        };
        CourseItemInputRequest: {
            /** Format: uuid */
            service_id: string;
            sessions: number;
        };
        CourseItemOutput: {
            /** Format: uuid */
            service_id: string;
            service_name: string;
            sessions: number;
        };
        Credit: {
            /** Format: uuid */
            practitioner: string;
            /** Format: decimal */
            share: string;
        };
        CreditInputRequest: {
            /** Format: uuid */
            practitioner_id: string;
            /** Format: decimal */
            share: string;
        };
        /**
         * @description One request with its ``result``: the export document, the erasure report or the
         *     rectified fields; null until completed.
         */
        DataSubjectRequest: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient_id: string;
            readonly chart_number: string;
            readonly kind: components["schemas"]["DataSubjectRequestKindEnum"];
            readonly status: components["schemas"]["DataSubjectStatusEnum"];
            /** Format: date-time */
            readonly received_at: string;
            /** Format: date */
            readonly due_on: string;
            /** @description Rectification: the corrected values */
            readonly details: unknown;
            /** Format: date-time */
            readonly completed_at: string | null;
            readonly rejection_reason: string;
            readonly result: unknown;
        };
        DataSubjectRequestInputRequest: {
            /** Format: uuid */
            patient_id: string;
            kind: components["schemas"]["DataSubjectRequestKindEnum"];
            /** @description Rectification: {field: corrected value} */
            details?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description * `export` - Copy of my data
         *     * `erasure` - Erasure
         *     * `rectification` - Rectification
         * @enum {string}
         */
        DataSubjectRequestKindEnum: "export" | "erasure" | "rectification";
        DataSubjectRequestRejectRequest: {
            reason: string;
        };
        /** @description A request without its result (the list); ``has_result`` says whether opening it shows one. */
        DataSubjectRequestSummary: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient_id: string;
            readonly chart_number: string;
            readonly kind: components["schemas"]["DataSubjectRequestKindEnum"];
            readonly status: components["schemas"]["DataSubjectStatusEnum"];
            /** Format: date-time */
            readonly received_at: string;
            /** Format: date */
            readonly due_on: string;
            /** @description Rectification: the corrected values */
            readonly details: unknown;
            /** Format: date-time */
            readonly completed_at: string | null;
            readonly rejection_reason: string;
            /** @description Completed with a result: open the request to read it (audited). */
            readonly has_result: boolean;
        };
        /**
         * @description * `received` - Received
         *     * `completed` - Completed
         *     * `rejected` - Rejected
         * @enum {string}
         */
        DataSubjectStatusEnum: "received" | "completed" | "rejected";
        DayAvailability: {
            /** Format: date */
            date: string;
            slots: components["schemas"]["Slot"][];
            /** @description Why each practitioner without a slot has none */
            unavailable: components["schemas"]["DayReason"][];
            /**
             * Format: date
             * @description The next local day with a free time (two weeks searched), when none today
             */
            next_free_date: string | null;
        };
        DayReason: {
            /** Format: uuid */
            practitioner_id: string;
            /**
             * @description not_working: no hours that day; time_off; fully_booked: no gap long enough for the treatment; past: the day or its hours are over; beyond_horizon: too far ahead
             *
             *     * `not_working` - not_working
             *     * `time_off` - time_off
             *     * `fully_booked` - fully_booked
             *     * `past` - past
             *     * `beyond_horizon` - beyond_horizon
             */
            reason: components["schemas"]["ReasonEnum"];
            /** @description The time off's reason for roles that book; else empty */
            detail: string;
        };
        /**
         * @description * `granted` - Granted
         *     * `withdrawn` - Withdrawn
         * @enum {string}
         */
        DecisionEnum: "granted" | "withdrawn";
        /**
         * @description * `` - No deposit
         *     * `fixed` - Fixed amount
         *     * `percent` - Percent of the price
         * @enum {string}
         */
        DepositKindEnum: "fixed" | "percent";
        /**
         * @description * `forfeit` - Keep as a no-show fee
         *     * `refund` - Refund
         * @enum {string}
         */
        DepositNoShowEnum: "forfeit" | "refund";
        /**
         * @description * `laser` - Laser
         *     * `ipl` - IPL
         *     * `hifu` - HIFU
         *     * `rf_microneedling` - RF microneedling
         *     * `radiofrequency` - Radiofrequency
         *     * `cryolipolysis` - Cryolipolysis
         *     * `other` - Other device
         * @enum {string}
         */
        DeviceKindEnum: "laser" | "ipl" | "hifu" | "rf_microneedling" | "radiofrequency" | "cryolipolysis" | "other";
        /** @description A drafted line: what was done, by whom, at which price (zero when a course paid it). */
        DraftItem: {
            /** Format: uuid */
            readonly id: string;
            readonly position: number;
            readonly description: string;
            /** Format: uuid */
            readonly service: string | null;
            /** Format: uuid */
            readonly practitioner: string | null;
            readonly practitioner_name: string | null;
            /** Format: decimal */
            readonly quantity: string;
            /** Format: decimal */
            readonly unit_price: string;
            /** Format: decimal */
            readonly tax_amount: string;
            /** Format: decimal */
            readonly total: string;
            /** Format: uuid */
            readonly course_redemption: string | null;
        };
        /**
         * @description What already paid part of a draft: a deposit taken at booking (``method``
         *     ``deposit``, ``reference`` the deposit invoice's number).
         */
        DraftPayment: {
            /** Format: uuid */
            readonly id: string;
            readonly method: components["schemas"]["PaymentMethodEnum"];
            readonly method_label: string;
            /** Format: decimal */
            readonly amount: string;
            readonly reference: string;
        };
        /**
         * @description A completed visit's draft invoice waiting at the till, with its patient; what
         *     already paid part of it (``payments``: a deposit applied) and the ``balance_due``
         *     left to collect.
         */
        DraftToCollect: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient: string | null;
            readonly patient_name: string;
            readonly chart_number: string;
            readonly currency: string;
            /** Format: decimal */
            readonly subtotal: string;
            /** Format: decimal */
            readonly tax_total: string;
            /** Format: decimal */
            readonly total: string;
            /** Format: decimal */
            readonly paid_total: string;
            /** Format: decimal */
            readonly balance_due: string;
            readonly reference_type: string;
            /** Format: uuid */
            readonly reference_id: string | null;
            /** Format: date-time */
            readonly created_at: string;
            readonly items: components["schemas"]["DraftItem"][];
            readonly payments: components["schemas"]["DraftPayment"][];
        };
        FaceChart: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly session_id: string;
            readonly version: number;
            readonly template: components["schemas"]["TemplateEnum"];
            /** Format: uuid */
            readonly photo_id: string | null;
            readonly annotations: unknown;
            /** Format: uuid */
            readonly created_by_id: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        FaceChartInputRequest: {
            /** Format: uuid */
            session_id: string;
            template?: components["schemas"]["TemplateEnum"] | components["schemas"]["BlankEnum"];
            /** Format: uuid */
            photo_id?: string;
            /** @description See emr.charting.ANNOTATIONS_SCHEMA */
            annotations: unknown;
        };
        FeedLink: {
            /** @description Subscribe to it in a calendar app; keep it private */
            url: string;
        };
        /**
         * @description * `pregnancy` - pregnancy
         *     * `breast_feeding` - breast_feeding
         *     * `allergy` - allergy
         *     * `medication` - medication
         *     * `condition` - condition
         * @enum {string}
         */
        FoundInEnum: "pregnancy" | "breast_feeding" | "allergy" | "medication" | "condition";
        Gallery: {
            pairs: components["schemas"]["PhotoPair"][];
            /** @description Every ready photo, oldest first */
            photos: components["schemas"]["Photo"][];
        };
        IdentityLinkConfirmRequest: {
            /** @description The code the patient received */
            code: string;
        };
        IdentityLinkRequest: {
            /**
             * Format: date-time
             * @description When the codes sent, if any, stop working
             */
            expires_at: string;
        };
        /** @description The medical history (``emr.intake``): lists of at most 50 entries each. */
        Intake: {
            allergies?: components["schemas"]["Allergy"][];
            medications?: components["schemas"]["Medication"][];
            conditions?: components["schemas"]["Condition"][];
            /** @default unknown */
            pregnancy: components["schemas"]["IntakeAnswerEnum"];
            /** @default unknown */
            breast_feeding: components["schemas"]["IntakeAnswerEnum"];
            previous_procedures?: components["schemas"]["Procedure"][];
            /** @default clinical_only */
            photo_sharing: components["schemas"]["PhotoSharingEnum"];
            /** @default  */
            notes: string;
        };
        /**
         * @description * `no` - No
         *     * `yes` - Yes
         *     * `unknown` - Not asked / unknown
         * @enum {string}
         */
        IntakeAnswerEnum: "no" | "yes" | "unknown";
        /** @description The medical history (``emr.intake``): lists of at most 50 entries each. */
        IntakeRequest: {
            allergies?: components["schemas"]["AllergyRequest"][];
            medications?: components["schemas"]["MedicationRequest"][];
            conditions?: components["schemas"]["ConditionRequest"][];
            /** @default unknown */
            pregnancy: components["schemas"]["IntakeAnswerEnum"];
            /** @default unknown */
            breast_feeding: components["schemas"]["IntakeAnswerEnum"];
            previous_procedures?: components["schemas"]["ProcedureRequest"][];
            /** @default clinical_only */
            photo_sharing: components["schemas"]["PhotoSharingEnum"];
            /** @default  */
            notes: string;
        };
        /**
         * @description ``current``: the newest version (``null`` before a history is taken);
         *     ``versions``: who recorded each version and when, newest first.
         */
        IntakeState: {
            current: components["schemas"]["MedicalIntake"] | null;
            versions: components["schemas"]["IntakeVersion"][];
        };
        IntakeVersion: {
            readonly version: number;
            /** Format: date-time */
            recorded_at: string;
            recorded_by_name: string;
        };
        Interval: {
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
        };
        Invite: {
            /** Format: uuid */
            readonly id: string;
            readonly phone: string;
            /** @description E-mail address, or empty */
            readonly email: string;
            readonly role: components["schemas"]["RoleEnum"];
            readonly status: string;
            /** Format: date-time */
            readonly expires_at: string;
            /** Format: date-time */
            readonly sent_at: string | null;
            /** Format: date-time */
            readonly accepted_at: string | null;
            readonly invited_by: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        InviteAcceptRequest: {
            token: string;
            password?: string;
            given_name?: string;
            family_name?: string;
            email?: string;
        };
        InviteCreateRequest: {
            phone: string;
            role: components["schemas"]["RoleEnum"];
            email?: string;
        };
        InviteCreated: {
            /** Format: uuid */
            readonly id: string;
            readonly phone: string;
            /** @description E-mail address, or empty */
            readonly email: string;
            readonly role: components["schemas"]["RoleEnum"];
            readonly status: string;
            /** Format: date-time */
            readonly expires_at: string;
            /** Format: date-time */
            readonly sent_at: string | null;
            /** Format: date-time */
            readonly accepted_at: string | null;
            readonly invited_by: string;
            /** Format: date-time */
            readonly created_at: string;
            /** @description Shown once; also sent by SMS */
            readonly accept_url: string;
        };
        InvitePreview: {
            clinic_name: string;
            role: components["schemas"]["RoleEnum"];
            /** @description The invited mobile number, masked (081-XXX-0101) */
            phone_masked: string;
            /** Format: date-time */
            expires_at: string;
            /** @description That number has an account: sign in, then accept */
            account_exists: boolean;
        };
        /**
         * @description An invoice with its items. ``patient_name`` is the chart's name (empty without a
         *     patient); ``date`` the clinic-local date it is dated by (issued, or created for a
         *     draft); ``send_to`` the masked destinations for *Send*; ``last_sent_at`` when it was
         *     last sent to the patient (UTC, null: never). Read through ``selectors.invoice_list``
         *     (patient profile and clinic joined, ``last_sent_at`` annotated).
         */
        Invoice: {
            /** Format: uuid */
            readonly id: string;
            readonly number: string;
            /** Format: uuid */
            readonly sale: string | null;
            /** Format: uuid */
            readonly patient: string | null;
            readonly patient_name: string;
            /**
             * Format: date
             * @description Clinic-local date: issued, or created for a draft
             */
            readonly date: string;
            readonly status: components["schemas"]["InvoiceStatusEnum"];
            readonly currency: string;
            /** Format: decimal */
            readonly subtotal: string;
            /** Format: decimal */
            readonly discount_total: string;
            /** Format: decimal */
            readonly tax_total: string;
            /** Format: decimal */
            readonly total: string;
            /** Format: decimal */
            readonly paid_total: string;
            /** Format: decimal */
            readonly refunded_total: string;
            /** Format: decimal */
            readonly balance_due: string;
            /** Format: date-time */
            readonly issued_at: string | null;
            /** Format: date */
            readonly due_date: string | null;
            readonly reference_type: string;
            /** Format: uuid */
            readonly reference_id: string | null;
            /** Format: date-time */
            readonly created_at: string;
            readonly send_to: components["schemas"]["InvoiceDestinations"];
            /**
             * Format: date-time
             * @description When last sent to the patient (UTC); null: never
             */
            readonly last_sent_at: string | null;
            readonly items: components["schemas"]["InvoiceItem"][];
        };
        /**
         * @description Where the invoice can be sent, masked (``p***@example.com``, ``081-XXX-0101``;
         *     empty: the patient has no address for that channel), and the default channel.
         */
        InvoiceDestinations: {
            email: string;
            sms: string;
            whatsapp: string;
            preferred: components["schemas"]["NotificationChannelEnum"];
        };
        InvoiceItem: {
            readonly position: number;
            readonly description: string;
            /** Format: uuid */
            readonly service: string | null;
            /** Format: uuid */
            readonly practitioner: string | null;
            /** Format: decimal */
            readonly quantity: string;
            /** Format: decimal */
            readonly unit_price: string;
            /** Format: decimal */
            readonly discount: string;
            /** Format: decimal */
            readonly tax_amount: string;
            /** Format: decimal */
            readonly total: string;
        };
        /**
         * @description The notification carrying the invoice: its channel, masked destination and state
         *     (``scheduled`` until the worker sends it).
         */
        InvoiceSend: {
            /** Format: uuid */
            notification: string;
            channel: components["schemas"]["NotificationChannelEnum"];
            /** @description Masked destination */
            to: string;
            status: string;
            /** Format: date-time */
            requested_at: string;
        };
        InvoiceSendInputRequest: {
            /**
             * @description Default: the patient's preferred channel (SMS when that is none of these)
             *
             *     * `sms` - SMS
             *     * `whatsapp` - WhatsApp
             *     * `email` - E-mail
             */
            channel?: components["schemas"]["NotificationChannelEnum"];
            /** @description Or the Idempotency-Key header; one per send */
            idempotency_key?: string;
        };
        /**
         * @description * `draft` - Draft
         *     * `sent` - Sent
         *     * `partially_paid` - Partially paid
         *     * `paid` - Paid
         *     * `overdue` - Overdue
         *     * `void` - Void
         * @enum {string}
         */
        InvoiceStatusEnum: "draft" | "sent" | "partially_paid" | "paid" | "overdue" | "void";
        JournalEntry: {
            /** Format: uuid */
            readonly id: string;
            /** Format: date-time */
            readonly posted_at: string;
            readonly description: string;
            readonly currency: string;
            readonly reference_type: string;
            /** Format: uuid */
            readonly reference_id: string;
            readonly lines: components["schemas"]["JournalLine"][];
        };
        JournalLine: {
            readonly account: string;
            /** Format: decimal */
            readonly debit: string;
            /** Format: decimal */
            readonly credit: string;
        };
        /**
         * @description * `en` - en
         *     * `pt-br` - pt-br
         *     * `th` - th
         *     * `ar` - ar
         * @enum {string}
         */
        LanguageEnum: "en" | "pt-br" | "th" | "ar";
        Licence: {
            /** Format: uuid */
            readonly id: string;
            council: components["schemas"]["CouncilEnum"];
            number: string;
            /** @description e.g. SP for CRM-SP */
            region?: string;
            /** Format: date */
            valid_until?: string | null;
            readonly status: components["schemas"]["LicenceStatusEnum"];
            /** Format: date-time */
            readonly created_at: string;
        };
        LicenceMember: {
            /** Format: uuid */
            id: string;
            full_name: string;
            /**
             * @description Their role at this clinic
             *
             *     * `owner` - Owner
             *     * `admin` - Administrator
             *     * `doctor` - Doctor
             *     * `nurse` - Nurse
             *     * `therapist` - Therapist
             *     * `receptionist` - Receptionist
             *     * `cashier` - Cashier
             *     * `accountant` - Accountant
             *     * `assistant` - Assistant
             */
            role: components["schemas"]["RoleEnum"];
        };
        LicenceRequest: {
            council: components["schemas"]["CouncilEnum"];
            number: string;
            /** @description e.g. SP for CRM-SP */
            region?: string;
            /** Format: date */
            valid_until?: string | null;
        };
        /**
         * @description * `pending` - Pending verification
         *     * `verified` - Verified
         *     * `rejected` - Rejected
         * @enum {string}
         */
        LicenceStatusEnum: "pending" | "verified" | "rejected";
        LicenceVerifyRequest: {
            status: components["schemas"]["LicenceVerifyStatusEnum"];
            /** @description How the licence was checked (register looked up, document seen, when) */
            note: string;
        };
        /**
         * @description * `verified` - verified
         *     * `rejected` - rejected
         * @enum {string}
         */
        LicenceVerifyStatusEnum: "verified" | "rejected";
        LoginRequest: {
            phone: string;
            password: string;
            otp_code?: string;
        };
        Lot: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly product: string;
            readonly product_name: string;
            readonly unit: string;
            readonly lot_number: string;
            /** Format: date */
            readonly expiry_date: string;
            readonly registration_number: string;
            /** Format: decimal */
            readonly unit_cost: string;
            /** Format: date-time */
            readonly received_at: string;
            /** Format: decimal */
            readonly quantity_on_hand: string;
        };
        LowStock: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly unit: components["schemas"]["ProductUnitEnum"];
            /** Format: decimal */
            readonly low_stock_threshold: string;
            /**
             * Format: decimal
             * @description On hand in unexpired lots
             */
            readonly usable: string;
        };
        /**
         * @description * `phone` - phone
         *     * `national_id` - national_id
         * @enum {string}
         */
        MatchedOnEnum: "phone" | "national_id";
        MaterialInputRequest: {
            /** Format: uuid */
            product_id: string;
            /** Format: decimal */
            quantity: string;
        };
        Me: {
            user: components["schemas"]["User"];
            memberships: components["schemas"]["MembershipBrief"][];
            two_factor: components["schemas"]["TwoFactorState"];
            /** @description Names of the permissions the user holds in the request's clinic (`X-Clinic-Id`), from the role matrix, e.g. `stock.manage`; empty without a clinic. */
            permissions: string[];
        };
        MedicalIntake: {
            readonly version: number;
            /** Format: date-time */
            recorded_at: string;
            recorded_by_name: string;
            history: components["schemas"]["Intake"];
        };
        Medication: {
            name: string;
            /** @default other */
            kind: components["schemas"]["MedicationKindEnum"];
            /** @default  */
            notes: string;
        };
        /**
         * @description * `anticoagulant` - Anticoagulant or antiplatelet
         *     * `isotretinoin` - Isotretinoin
         *     * `immunosuppressant` - Immunosuppressant
         *     * `other` - Other
         * @enum {string}
         */
        MedicationKindEnum: "anticoagulant" | "isotretinoin" | "immunosuppressant" | "other";
        MedicationRequest: {
            name: string;
            /** @default other */
            kind: components["schemas"]["MedicationKindEnum"];
            /** @default  */
            notes: string;
        };
        MembershipBrief: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly clinic_id: string;
            readonly clinic_name: string;
            readonly role: components["schemas"]["RoleEnum"];
        };
        /**
         * @description A stock movement. Which patient received the lot, and in which session or sale
         *     line (``patient``, ``reference_type``, ``reference_id``), is lot-traceability data:
         *     shown only when the context says the caller may see it (``lot_trace``: the
         *     ``stock.recall`` permission, the one rule for every route that says who received a
         *     lot); otherwise null/empty. Fails closed: no context, no trace.
         */
        Movement: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly lot: string;
            readonly lot_number: string;
            /** Format: uuid */
            readonly product: string;
            readonly kind: components["schemas"]["StockMovementKindEnum"];
            /** Format: decimal */
            readonly quantity: string;
            /** Format: uuid */
            readonly patient: string | null;
            readonly reference_type: string;
            /** Format: uuid */
            readonly reference_id: string | null;
            readonly reason: string;
            /** Format: uuid */
            readonly actor: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        Note: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient_id: string;
            /** Format: uuid */
            readonly visit_id: string;
            /** Format: uuid */
            readonly session_id: string | null;
            /** Format: uuid */
            readonly author_id: string;
            readonly subjective: string;
            readonly objective: string;
            readonly assessment: string;
            readonly plan: string;
            readonly status: components["schemas"]["ClinicalNoteStatusEnum"];
            readonly version: number;
            /** Format: uuid */
            readonly amends_id: string | null;
            readonly amendment_reason: string;
            /** Format: date-time */
            readonly signed_at: string | null;
            /** Format: uuid */
            readonly signed_by_id: string | null;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly updated_at: string;
        };
        NoteAmendRequest: {
            subjective?: string;
            objective?: string;
            assessment?: string;
            plan?: string;
            reason: string;
        };
        NoteCreateRequest: {
            subjective?: string;
            objective?: string;
            assessment?: string;
            plan?: string;
            /** Format: uuid */
            visit_id: string;
            /** Format: uuid */
            session_id?: string;
        };
        /**
         * @description * `sms` - SMS
         *     * `whatsapp` - WhatsApp
         *     * `email` - E-mail
         * @enum {string}
         */
        NotificationChannelEnum: "sms" | "whatsapp" | "email";
        OwnerRequest: {
            /** @description Mobile number with country code */
            phone: string;
            password: string;
            given_name: string;
            family_name?: string;
            email?: string;
            preferred_language?: components["schemas"]["LanguageEnum"];
        };
        PaginatedAccessEventList: {
            /**
             * @description Rows in the list when `count_is_exact`; otherwise the bound, and more rows exist
             * @example 123
             */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["AccessEvent"][];
            /** @description False: more than `count` rows */
            count_is_exact: boolean;
            /**
             * @description The most rows that are counted
             * @example 1000
             */
            count_bound: number;
        };
        PaginatedAppointmentList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Appointment"][];
        };
        PaginatedAuditEventList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["AuditEvent"][];
        };
        PaginatedClinicLicenceList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ClinicLicence"][];
        };
        PaginatedClinicList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Clinic"][];
        };
        PaginatedCommissionLogList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["CommissionLog"][];
        };
        PaginatedCommissionRuleList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["CommissionRule"][];
        };
        PaginatedConsentSignatureList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ConsentSignature"][];
        };
        PaginatedConsentTemplateList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ConsentTemplate"][];
        };
        PaginatedConsentTextList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ConsentText"][];
        };
        PaginatedCourseBalanceList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["CourseBalance"][];
        };
        PaginatedCourseList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Course"][];
        };
        PaginatedDataSubjectRequestSummaryList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["DataSubjectRequestSummary"][];
        };
        PaginatedDraftToCollectList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["DraftToCollect"][];
        };
        PaginatedFaceChartList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["FaceChart"][];
        };
        PaginatedInviteList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Invite"][];
        };
        PaginatedInvoiceList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Invoice"][];
        };
        PaginatedJournalEntryList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["JournalEntry"][];
        };
        PaginatedLotList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Lot"][];
        };
        PaginatedLowStockList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["LowStock"][];
        };
        PaginatedMovementList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Movement"][];
        };
        PaginatedNoteList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Note"][];
        };
        PaginatedPatientList: {
            /**
             * @description Rows in the list when `count_is_exact`; otherwise the bound, and more rows exist
             * @example 123
             */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Patient"][];
            /** @description False: more than `count` rows */
            count_is_exact: boolean;
            /**
             * @description The most rows that are counted
             * @example 1000
             */
            count_bound: number;
        };
        PaginatedPaymentList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Payment"][];
        };
        PaginatedPhotoList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Photo"][];
        };
        PaginatedPlanList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Plan"][];
        };
        PaginatedProductList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Product"][];
        };
        PaginatedRedemptionList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Redemption"][];
        };
        PaginatedResourceList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Resource"][];
        };
        PaginatedRoomList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Room"][];
        };
        PaginatedSaleList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Sale"][];
        };
        PaginatedScheduleExceptionList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["ScheduleException"][];
        };
        PaginatedServiceList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Service"][];
        };
        PaginatedSessionList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Session"][];
        };
        PaginatedStaffList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Staff"][];
        };
        PaginatedStaffScheduleList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["StaffSchedule"][];
        };
        PaginatedVisitList: {
            /** @example 123 */
            count: number;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=4
             */
            next?: string | null;
            /**
             * Format: uri
             * @example http://api.example.org/accounts/?page=2
             */
            previous?: string | null;
            results: components["schemas"]["Visit"][];
        };
        PasswordChangeRequest: {
            current_password: string;
            new_password: string;
        };
        PasswordResetConfirmRequest: {
            phone: string;
            code: string;
            new_password: string;
        };
        PasswordResetRequestRequest: {
            phone: string;
        };
        PatchedAppointmentRescheduleRequest: {
            /** Format: date-time */
            starts_at?: string;
            /** Format: uuid */
            practitioner_id?: string;
            /** Format: uuid */
            room_id?: string | null;
        };
        PatchedClinicUpdateRequest: {
            name?: string;
            /** @description ISO 3166-1 alpha-2 */
            country?: string;
            /** @description IANA zone, e.g. Asia/Bangkok */
            time_zone?: string;
            /** @description BCP 47, e.g. th, pt-BR, ar */
            locale?: string;
            /** @description ISO 4217 */
            currency?: string;
            phone?: string;
            address?: string;
            /** @description Minutes without a request after which members' sessions end; null: the deployment default (15). A member of several clinics gets the strictest. */
            session_idle_minutes?: number | null;
            /** @description Minutes before an appointment's start from which the patient can be checked in (never before the appointment's local day). */
            checkin_opens_minutes_before?: number;
            /** @description A cancellation less than this many hours before the start is flagged late. */
            late_cancellation_hours?: number;
            /** @description Clinical acts (starting a session, signing a note, charting, recording products used) need a verified, unexpired licence of a council of the clinic's country (409 `licence_required` otherwise). Owners only. */
            licence_check?: boolean;
        };
        PatchedCommissionRuleUpdateRequest: {
            name?: string;
            scope?: components["schemas"]["ScopeEnum"];
            /** Format: uuid */
            service?: string | null;
            service_category?: components["schemas"]["ServiceCategoryEnum"] | components["schemas"]["BlankEnum"];
            /** Format: uuid */
            product?: string | null;
            /** Format: uuid */
            course?: string | null;
            rate_type?: components["schemas"]["RateTypeEnum"];
            /**
             * Format: decimal
             * @description Percent (0-100), or amount per unit, clinic currency
             */
            value?: string;
            tiers?: components["schemas"]["TierRequest"][];
            tier_mode?: components["schemas"]["TierModeEnum"];
            tier_period?: components["schemas"]["TierPeriodEnum"];
            settle_at_period_close?: boolean;
            organization_wide?: boolean;
            priority?: number;
            /** Format: date */
            effective_from?: string;
            /** Format: date */
            effective_to?: string | null;
            is_active?: boolean;
        };
        PatchedMeUpdateRequest: {
            given_name?: string;
            family_name?: string;
            email?: string;
            preferred_language?: components["schemas"]["LanguageEnum"];
            national_id?: string;
            national_id_country?: string;
        };
        PatchedPatientUpdateRequest: {
            given_name?: string;
            family_name?: string;
            /** Format: date */
            birth_date?: string;
            sex?: components["schemas"]["SexEnum"];
            /** @description Mobile number; local form of the clinic's country works */
            phone?: string;
            phone_alt?: string;
            email?: string;
            address?: string;
            preferred_language?: components["schemas"]["LanguageEnum"];
            preferred_channel?: components["schemas"]["PreferredChannelEnum"];
            tags?: string[];
            notes?: string;
            referral_source?: string;
            /** Format: date */
            first_visit_on?: string | null;
        };
        /** @description Fields left out stay as they are; ``""`` clears an identifier. */
        PatchedPaymentSettingsInputRequest: {
            payment_methods?: string[];
            promptpay_id?: string;
            pix_key?: string;
            merchant_city?: string;
            /** @description Product-only sales to customers without a patient record */
            walk_in_retail?: boolean;
            /**
             * @description A paid deposit on a no-show or late cancellation: kept as a fee, or refunded
             *
             *     * `forfeit` - Keep as a no-show fee
             *     * `refund` - Refund
             */
            deposit_no_show?: components["schemas"]["DepositNoShowEnum"];
        };
        PatchedPlanUpdateRequest: {
            title?: string;
            goals?: string[];
            status?: components["schemas"]["TreatmentPlanStatusEnum"];
            items_add?: components["schemas"]["PlanItemInputRequest"][];
        };
        PatchedPreferencesRequest: {
            /** @description Practitioners the calendar shows, in order (this clinic's; empty: all) */
            calendar_practitioners?: string[];
            /**
             * @description day: every chosen practitioner's day; week: their week; practitioner_week: the first chosen practitioner's week
             *
             *     * `day` - day
             *     * `week` - week
             *     * `practitioner_week` - practitioner_week
             *     * `timeline` - timeline
             */
            calendar_view?: components["schemas"]["CalendarViewEnum"];
        };
        PatchedProductUpdateRequest: {
            name?: string;
            kind?: components["schemas"]["ProductKindEnum"];
            unit?: components["schemas"]["ProductUnitEnum"];
            sku?: string;
            /** @description ANVISA: 11 or 13 digits (Brazil) */
            registration_number?: string;
            manufacturer?: string;
            /** Format: decimal */
            price?: string;
            /** Format: decimal */
            low_stock_threshold?: string;
            is_active?: boolean;
        };
        PatchedResourceUpdateRequest: {
            name?: string;
            kind?: components["schemas"]["DeviceKindEnum"];
            /** @description false takes the device out of use */
            is_active?: boolean;
        };
        PatchedServiceUpdateRequest: {
            name?: string;
            category?: components["schemas"]["ServiceCategoryEnum"];
            description?: string;
            unit?: components["schemas"]["ServiceUnitEnum"];
            /**
             * Format: decimal
             * @description Decimal string, clinic currency
             */
            price?: string;
            duration_minutes?: number;
            buffer_minutes?: number;
            requires_consent?: boolean;
            /** @description Contraindication codes; duplicates are dropped */
            contraindications?: components["schemas"]["ContraindicationEnum"][];
            /**
             * @description Blank: no device needed
             *
             *     * `laser` - Laser
             *     * `ipl` - IPL
             *     * `hifu` - HIFU
             *     * `rf_microneedling` - RF microneedling
             *     * `radiofrequency` - Radiofrequency
             *     * `cryolipolysis` - Cryolipolysis
             *     * `other` - Other device
             */
            device_kind?: components["schemas"]["DeviceKindEnum"] | components["schemas"]["BlankEnum"];
            /** @description Days to the next session */
            follow_up_days?: number | null;
            /**
             * @description Blank: no deposit
             *
             *     * `` - No deposit
             *     * `fixed` - Fixed amount
             *     * `percent` - Percent of the price
             */
            deposit_kind?: components["schemas"]["DepositKindEnum"] | components["schemas"]["BlankEnum"];
            /**
             * Format: decimal
             * @description Fixed: amount in the clinic currency, at most the price; percent: 0-100 of the price
             */
            deposit_value?: string;
            /** @description What one unit of the service consumes */
            materials?: components["schemas"]["MaterialInputRequest"][];
            is_active?: boolean;
        };
        PatchedSoapRequest: {
            subjective?: string;
            objective?: string;
            assessment?: string;
            plan?: string;
        };
        PatchedStaffUpdateRequest: {
            role?: components["schemas"]["RoleEnum"];
            is_active?: boolean;
        };
        Patient: {
            /** Format: uuid */
            readonly id: string;
            readonly chart_number: string;
            readonly given_name: string;
            readonly family_name: string;
            /** Format: date */
            readonly birth_date: string;
            readonly sex: components["schemas"]["SexEnum"];
            readonly phone: string;
            readonly phone_alt: string;
            readonly email: string;
            readonly address: string;
            readonly national_id: string;
            readonly national_id_country: string;
            readonly preferred_language: components["schemas"]["LanguageEnum"];
            readonly preferred_channel: components["schemas"]["PreferredChannelEnum"];
            readonly tags: unknown;
            /** @description Free text; encrypted at rest */
            readonly notes: string;
            readonly referral_source: string;
            /** Format: date */
            readonly first_visit_on: string | null;
            /** @description Joined, by the person's own code, to their records at other organizations */
            readonly identity_linked: boolean;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description The contraindication alerts of a treatment for a patient. ``has_alerts`` is
         *     true when the history matches any contraindication the service lists; clinical
         *     roles (``details_visible``) get the matches in ``alerts``, other roles get ``[]``
         *     and only the flag ("check the medical history with the clinician").
         *     ``intake_recorded`` says whether a medical history was taken at all.
         */
        PatientAlerts: {
            /** Format: uuid */
            service_id: string;
            intake_recorded: boolean;
            has_alerts: boolean;
            details_visible: boolean;
            alerts: components["schemas"]["Alert"][];
        };
        PatientEnrolRequest: {
            /**
             * Format: uuid
             * @description `profile` of a match known at a sibling clinic
             */
            profile: string;
            referral_source?: string;
            consents?: components["schemas"]["ConsentInputRequest"][];
        };
        /** @description A possible duplicate; personal data masked by the caller's role. */
        PatientMatch: {
            /** Format: uuid */
            profile: string;
            /**
             * Format: uuid
             * @description This clinic's chart of the person; null: not a patient here
             */
            patient: string | null;
            chart_number: string | null;
            given_name: string;
            family_name: string;
            /** Format: date */
            birth_date: string;
            readonly phone: string;
            readonly national_id: string;
            /** @description The organization's other clinics where they are a patient */
            clinics: string[];
            matched_on: components["schemas"]["MatchedOnEnum"][];
        };
        PatientMatchQueryRequest: {
            phone?: string;
            national_id?: string;
            /** @description Default: the clinic's country */
            national_id_country?: string;
        };
        PatientRegisterRequest: {
            given_name: string;
            family_name?: string;
            /** Format: date */
            birth_date: string;
            sex?: components["schemas"]["SexEnum"];
            /** @description Mobile number; local form of the clinic's country works */
            phone: string;
            phone_alt?: string;
            email?: string;
            address?: string;
            preferred_language?: components["schemas"]["LanguageEnum"];
            preferred_channel?: components["schemas"]["PreferredChannelEnum"];
            tags?: string[];
            notes?: string;
            referral_source?: string;
            /** Format: date */
            first_visit_on?: string | null;
            /** @description Consent decisions taken in the same step, one per purpose; all or nothing */
            consents?: components["schemas"]["ConsentInputRequest"][];
            national_id?: string;
            /** @description Default: the clinic's country */
            national_id_country?: string;
        };
        Payment: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly invoice: string;
            /** Format: uuid */
            readonly refund: string | null;
            /** Format: decimal */
            readonly amount: string;
            readonly currency: string;
            readonly method: components["schemas"]["PaymentMethodEnum"];
            readonly status: components["schemas"]["PaymentStatusEnum"];
            /** @description Why a card payment failed: declined or provider_refused; blank otherwise */
            readonly failure_code: string;
            readonly provider_reference: string;
            /** Format: date-time */
            readonly received_at: string;
            /** Format: uuid */
            readonly created_by: string;
        };
        PaymentInputRequest: {
            method: components["schemas"]["TillMethodEnum"];
            /** Format: decimal */
            amount: string;
            /** @default  */
            provider_reference: string;
        };
        /**
         * @description * `cash` - Cash
         *     * `card` - Card
         *     * `bank_transfer` - Bank transfer
         *     * `promptpay` - PromptPay
         *     * `pix` - Pix
         *     * `deposit` - Deposit applied
         * @enum {string}
         */
        PaymentMethodEnum: "cash" | "card" | "bank_transfer" | "promptpay" | "pix" | "deposit";
        /**
         * @description ``payload`` is the text to draw as a QR code; ``reference`` its Pix transaction id
         *     (record it as the payment's provider reference), ``""`` for PromptPay.
         */
        PaymentQr: {
            method: string;
            /** Format: decimal */
            amount: string;
            currency: string;
            payload: string;
            reference: string;
        };
        PaymentQrInputRequest: {
            method: components["schemas"]["TillMethodEnum"];
            /**
             * Format: decimal
             * @description In the clinic currency
             */
            amount: string;
            /**
             * @description Pix transaction id; default new
             * @default
             */
            reference: string;
        };
        PaymentRecordInputRequest: {
            idempotency_key: string;
            method: components["schemas"]["TillMethodEnum"];
            /** Format: decimal */
            amount: string;
            currency: string;
            /** @default  */
            provider_reference: string;
        };
        /**
         * @description The clinic's payment settings: accepted methods, those its country allows, and
         *     where QR payments go.
         */
        PaymentSettings: {
            /** @description The methods the clinic accepts, in the order the till offers them */
            readonly payment_methods: components["schemas"]["TillMethodEnum"][];
            /** @description The methods the clinic's country has */
            readonly allowed_methods: components["schemas"]["TillMethodEnum"][];
            readonly promptpay_id: string;
            readonly pix_key: string;
            readonly merchant_city: string;
            readonly walk_in_retail: boolean;
            readonly deposit_no_show: components["schemas"]["DepositNoShowEnum"];
        };
        /**
         * @description * `pending` - Pending
         *     * `succeeded` - Succeeded
         *     * `failed` - Failed
         *     * `refunded` - Refunded
         * @enum {string}
         */
        PaymentStatusEnum: "pending" | "succeeded" | "failed" | "refunded";
        PaymentWebhook: {
            /** Format: uuid */
            id: string;
            status: string;
        };
        /** @description What the card gateway sends (``commerce.payment_providers.HttpCardProvider``). */
        PaymentWebhookInputRequest: {
            /** @description The gateway's event id */
            id: string;
            /** @description Our payment id, sent with the charge */
            reference: string;
            status: components["schemas"]["PaymentWebhookInputStatusEnum"];
        };
        /**
         * @description * `succeeded` - succeeded
         *     * `failed` - failed
         * @enum {string}
         */
        PaymentWebhookInputStatusEnum: "succeeded" | "failed";
        PeriodQueryRequest: {
            /**
             * Format: date
             * @description First day of the period (YYYY-MM-01, or a quarter's first day)
             */
            period: string;
            /**
             * Format: uuid
             * @description Default: the caller (statement), everyone (settle)
             */
            practitioner?: string;
        };
        PeriodTotal: {
            account: string;
            /** Format: decimal */
            debit: string;
            /** Format: decimal */
            credit: string;
            /**
             * Format: decimal
             * @description debit - credit
             */
            balance: string;
            /** @description YYYY-MM (UTC) */
            period: string;
        };
        PeriodTotals: {
            currency: string;
            /** @description Per month and account, oldest first */
            periods: components["schemas"]["PeriodTotal"][];
        };
        /**
         * @description A photo; ``urls`` are presigned, short-lived links (``null`` until ready).
         *     ``marketing_allowed``: marked for marketing AND the patient's ``marketing_photos``
         *     consent stands now.
         */
        Photo: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly session_id: string;
            /** Format: uuid */
            readonly patient_id: string;
            readonly kind: components["schemas"]["PhotoKindEnum"];
            readonly angle: components["schemas"]["AngleEnum"];
            readonly status: components["schemas"]["PhotoStatusEnum"];
            readonly usage: components["schemas"]["UsageEnum"];
            readonly marketing_allowed: boolean;
            readonly content_type: string;
            readonly size_bytes: number;
            readonly width: number | null;
            readonly height: number | null;
            readonly checksum_sha256: string;
            readonly rejection_reason: string;
            readonly urls: {
                original?: string;
                display?: string;
                thumbnail?: string;
            } | null;
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `before` - Before
         *     * `after` - After
         *     * `progress` - Progress
         * @enum {string}
         */
        PhotoKindEnum: "before" | "after" | "progress";
        PhotoPair: {
            angle: components["schemas"]["AngleEnum"];
            before: components["schemas"]["Photo"] | null;
            after: components["schemas"]["Photo"] | null;
        };
        /**
         * @description * `none` - No photographs
         *     * `clinical_only` - Clinical record only
         *     * `anonymized` - Anonymized use (eyes covered)
         *     * `marketing` - May be shown in marketing
         * @enum {string}
         */
        PhotoSharingEnum: "none" | "clinical_only" | "anonymized" | "marketing";
        /**
         * @description * `processing` - Processing
         *     * `ready` - Ready
         *     * `rejected` - Rejected
         * @enum {string}
         */
        PhotoStatusEnum: "processing" | "ready" | "rejected";
        Plan: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient_id: string;
            readonly title: string;
            /** @description List of goals, as text */
            readonly goals: unknown;
            readonly status: components["schemas"]["TreatmentPlanStatusEnum"];
            /** @description Planned steps, skipped ones left out */
            readonly steps_total: number;
            readonly steps_done: number;
            readonly items: components["schemas"]["PlannedSession"][];
            /** Format: uuid */
            readonly created_by_id: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        PlanCreateRequest: {
            /** Format: uuid */
            patient_id: string;
            title: string;
            goals?: string[];
            items?: components["schemas"]["PlanItemInputRequest"][];
        };
        PlanItemInputRequest: {
            /** Format: uuid */
            service_id: string;
            /** Format: date */
            target_date: string;
        };
        PlannedSession: {
            /** Format: uuid */
            readonly id: string;
            readonly sequence: number;
            /** Format: uuid */
            readonly service_id: string;
            readonly service_name: string;
            /** Format: date */
            readonly target_date: string;
            readonly status: components["schemas"]["PlannedSessionStatusEnum"];
            /** Format: uuid */
            readonly session_id: string | null;
        };
        /**
         * @description * `planned` - Planned
         *     * `done` - Done
         *     * `skipped` - Skipped
         * @enum {string}
         */
        PlannedSessionStatusEnum: "planned" | "done" | "skipped";
        PractitionerHours: {
            /** Format: uuid */
            id: string;
            name: string;
            working: components["schemas"]["Interval"][];
            time_off: components["schemas"]["TimeOff"][];
        };
        Preferences: {
            /** @description Practitioners the calendar shows, in order (this clinic's; empty: all) */
            calendar_practitioners?: string[];
            /**
             * @description day: every chosen practitioner's day; week: their week; practitioner_week: the first chosen practitioner's week
             *
             *     * `day` - day
             *     * `week` - week
             *     * `practitioner_week` - practitioner_week
             *     * `timeline` - timeline
             */
            calendar_view?: components["schemas"]["CalendarViewEnum"];
        };
        /**
         * @description * `sms` - SMS
         *     * `whatsapp` - WhatsApp
         *     * `line` - LINE
         *     * `email` - E-mail
         *     * `phone` - Phone call
         * @enum {string}
         */
        PreferredChannelEnum: "sms" | "whatsapp" | "line" | "email" | "phone";
        Procedure: {
            procedure: string;
            /**
             * @description As the patient says it
             * @default
             */
            when: string;
            /** @default  */
            complications: string;
        };
        ProcedureRequest: {
            procedure: string;
            /**
             * @description As the patient says it
             * @default
             */
            when: string;
            /** @default  */
            complications: string;
        };
        Product: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly kind: components["schemas"]["ProductKindEnum"];
            readonly unit: components["schemas"]["ProductUnitEnum"];
            readonly sku: string;
            readonly registration_number: string;
            readonly manufacturer: string;
            /** Format: decimal */
            readonly price: string;
            readonly currency: string;
            /** Format: decimal */
            readonly low_stock_threshold: string;
            readonly is_active: boolean;
            /**
             * Format: decimal
             * @description Sum over all lots (product unit)
             */
            readonly on_hand: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        ProductInputRequest: {
            name: string;
            kind: components["schemas"]["ProductKindEnum"];
            unit?: components["schemas"]["ProductUnitEnum"];
            sku?: string;
            /** @description ANVISA: 11 or 13 digits (Brazil) */
            registration_number?: string;
            manufacturer?: string;
            /** Format: decimal */
            price?: string;
            /** Format: decimal */
            low_stock_threshold?: string;
        };
        /**
         * @description * `retail` - Retail product
         *     * `medical_supply` - Medical supply
         * @enum {string}
         */
        ProductKindEnum: "retail" | "medical_supply";
        /**
         * @description * `piece` - piece
         *     * `syringe` - syringe
         *     * `vial` - vial
         *     * `unit` - toxin unit
         *     * `ml` - ml
         *     * `box` - box
         * @enum {string}
         */
        ProductUnitEnum: "piece" | "syringe" | "vial" | "unit" | "ml" | "box";
        ProductUseRequest: {
            /** Format: uuid */
            product_id: string;
            /**
             * Format: decimal
             * @description In the product's unit
             */
            quantity: string;
            /**
             * Format: uuid
             * @description Omit to take the lot expiring first (FEFO)
             */
            lot_id?: string;
        };
        ProductsUsedRequest: {
            products: components["schemas"]["ProductUseRequest"][];
        };
        /**
         * @description * `treatment` - Treatment
         *     * `clinical_photos` - Clinical photographs
         *     * `marketing_photos` - Photographs used in marketing
         *     * `marketing_messages` - Marketing messages
         *     * `data_sharing` - Sharing data with other clinics
         * @enum {string}
         */
        PurposeEnum: "treatment" | "clinical_photos" | "marketing_photos" | "marketing_messages" | "data_sharing";
        /** @description A cart priced by ``commerce.pricing`` (decimal strings in ``currency``). */
        Quote: {
            currency: string;
            lines: components["schemas"]["QuoteLine"][];
            /** Format: decimal */
            subtotal: string;
            /** Format: decimal */
            discount_total: string;
            /** Format: decimal */
            tax_total: string;
            /** Format: decimal */
            total: string;
        };
        QuoteInputRequest: {
            /** Format: uuid */
            patient_id?: string | null;
            currency?: string;
            /**
             * Format: decimal
             * @default 0.00
             */
            cart_discount: string;
            lines: components["schemas"]["CartLineInputRequest"][];
            /**
             * Format: uuid
             * @description A draft invoice to check out: the cart starts with its lines, locked
             */
            invoice_id?: string | null;
        };
        QuoteLine: {
            /** Format: decimal */
            gross: string;
            /** Format: decimal */
            line_discount: string;
            /** Format: decimal */
            cart_discount_share: string;
            /** Format: decimal */
            net: string;
            /** Format: decimal */
            tax: string;
            /** Format: decimal */
            total: string;
        };
        /** @enum {string} */
        RateTypeEnum: "percentage" | "fixed_per_unit";
        /**
         * @description * `not_working` - not_working
         *     * `time_off` - time_off
         *     * `fully_booked` - fully_booked
         *     * `past` - past
         *     * `beyond_horizon` - beyond_horizon
         * @enum {string}
         */
        ReasonEnum: "not_working" | "time_off" | "fully_booked" | "past" | "beyond_horizon";
        Recall: {
            lot: components["schemas"]["Lot"];
            /** @description Distinct patients who received the lot */
            patients: number;
            rows: components["schemas"]["RecallRow"][];
        };
        RecallRow: {
            /** Format: uuid */
            patient_id: string;
            chart_number: string;
            patient_name: string;
            kind: string;
            /** Format: decimal */
            quantity: string;
            reference_type: string;
            /** Format: uuid */
            reference_id: string | null;
            /** Format: date-time */
            at: string;
        };
        ReceiveInputRequest: {
            /** Format: uuid */
            product_id: string;
            lot_number: string;
            /** Format: date */
            expiry_date: string;
            /** Format: decimal */
            quantity: string;
            /** Format: decimal */
            unit_cost?: string;
            registration_number?: string;
        };
        RedeemInputRequest: {
            reference_type: string;
            /** Format: uuid */
            reference_id: string | null;
            /**
             * Format: uuid
             * @description Which treatment of the course; default its first
             */
            service_id?: string | null;
            /**
             * Format: uuid
             * @description Who gives the session: a practitioner of this clinic
             */
            practitioner_id?: string | null;
        };
        Redemption: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            balance: string;
            /** Format: uuid */
            service: string | null;
            /** @default  */
            service_name: string;
            /** Format: uuid */
            practitioner: string | null;
            /** @default  */
            practitioner_name: string;
            reference_type: string;
            /** Format: uuid */
            reference_id: string | null;
            /** Format: decimal */
            recognized_amount: string;
            sessions_remaining: number;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When the session was given back
             */
            reversed_at: string | null;
        };
        RefundInputRequest: {
            idempotency_key: string;
            reason: string;
            method: components["schemas"]["TillMethodEnum"];
            lines: components["schemas"]["RefundLineInputRequest"][];
        };
        RefundLineInputRequest: {
            /** Format: uuid */
            sale_line_id: string;
            /** Format: decimal */
            quantity: string;
        };
        RefundOutput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sale: string;
            /** Format: decimal */
            amount: string;
            reason: string;
            /** Format: date-time */
            created_at: string;
        };
        Resource: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly kind: components["schemas"]["DeviceKindEnum"];
            readonly is_active: boolean;
        };
        ResourceInputRequest: {
            name: string;
            kind: components["schemas"]["DeviceKindEnum"];
        };
        /**
         * @description * `owner` - Owner
         *     * `admin` - Administrator
         *     * `doctor` - Doctor
         *     * `nurse` - Nurse
         *     * `therapist` - Therapist
         *     * `receptionist` - Receptionist
         *     * `cashier` - Cashier
         *     * `accountant` - Accountant
         *     * `assistant` - Assistant
         * @enum {string}
         */
        RoleEnum: "owner" | "admin" | "doctor" | "nurse" | "therapist" | "receptionist" | "cashier" | "accountant" | "assistant";
        Room: {
            /** Format: uuid */
            readonly id: string;
            name: string;
            readonly is_active: boolean;
        };
        RoomRequest: {
            name: string;
        };
        Sale: {
            /** Format: uuid */
            readonly id: string;
            readonly number: string;
            /** Format: uuid */
            readonly patient: string | null;
            readonly status: components["schemas"]["SaleStatusEnum"];
            readonly currency: string;
            /** Format: decimal */
            readonly subtotal: string;
            /** Format: decimal */
            readonly discount_total: string;
            /** Format: decimal */
            readonly cart_discount: string;
            /** Format: decimal */
            readonly tax_total: string;
            /** Format: decimal */
            readonly total: string;
            readonly tax_inclusive: boolean;
            readonly idempotency_key: string;
            /** Format: uuid */
            readonly created_by: string;
            /** Format: date-time */
            readonly created_at: string;
            /** Format: date-time */
            readonly voided_at: string | null;
            /** Format: uuid */
            readonly invoice: string;
            readonly lines: components["schemas"]["SaleLine"][];
        };
        SaleLine: {
            /** Format: uuid */
            readonly id: string;
            readonly position: number;
            readonly kind: components["schemas"]["SaleLineKindEnum"];
            /** Format: uuid */
            readonly service: string | null;
            /** Format: uuid */
            readonly product: string | null;
            /** Format: uuid */
            readonly course: string | null;
            readonly description: string;
            /** Format: decimal */
            readonly quantity: string;
            /** Format: decimal */
            readonly unit_price: string;
            /** Format: decimal */
            readonly line_discount: string;
            /** Format: decimal */
            readonly cart_discount_share: string;
            /** Format: decimal */
            readonly net_amount: string;
            /** Format: decimal */
            readonly tax_rate: string;
            /** Format: decimal */
            readonly tax_amount: string;
            /** Format: decimal */
            readonly total: string;
            readonly currency: string;
            readonly credits: components["schemas"]["Credit"][];
        };
        /**
         * @description * `service` - Service
         *     * `product` - Product
         *     * `course` - Course
         * @enum {string}
         */
        SaleLineKindEnum: "service" | "product" | "course";
        /**
         * @description * `completed` - Completed
         *     * `partially_refunded` - Partially refunded
         *     * `refunded` - Refunded
         *     * `void` - Void
         * @enum {string}
         */
        SaleStatusEnum: "completed" | "partially_refunded" | "refunded" | "void";
        ScheduleException: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            practitioner_id: string;
            /** Format: date */
            date: string;
            kind: components["schemas"]["ScheduleExceptionKindEnum"];
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            start_time?: string | null;
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            end_time?: string | null;
            reason?: string;
        };
        /**
         * @description * `time_off` - Time off
         *     * `extra` - Extra hours
         * @enum {string}
         */
        ScheduleExceptionKindEnum: "time_off" | "extra";
        ScheduleExceptionRequest: {
            /** Format: uuid */
            practitioner_id: string;
            /** Format: date */
            date: string;
            kind: components["schemas"]["ScheduleExceptionKindEnum"];
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            start_time?: string | null;
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            end_time?: string | null;
            reason?: string;
        };
        /**
         * @description * `service` - Service
         *     * `service_category` - Service category
         *     * `product` - Product
         *     * `course` - Course
         * @enum {string}
         */
        ScopeEnum: "service" | "service_category" | "product" | "course";
        Service: {
            /** Format: uuid */
            readonly id: string;
            readonly name: string;
            readonly category: components["schemas"]["ServiceCategoryEnum"];
            readonly description: string;
            readonly unit: components["schemas"]["ServiceUnitEnum"];
            /** Format: decimal */
            readonly price: string;
            readonly currency: string;
            readonly duration_minutes: number;
            readonly buffer_minutes: number;
            readonly requires_consent: boolean;
            contraindications: components["schemas"]["ContraindicationEnum"][];
            /**
             * @description Blank: no device needed
             *
             *     * `laser` - Laser
             *     * `ipl` - IPL
             *     * `hifu` - HIFU
             *     * `rf_microneedling` - RF microneedling
             *     * `radiofrequency` - Radiofrequency
             *     * `cryolipolysis` - Cryolipolysis
             *     * `other` - Other device
             */
            readonly device_kind: components["schemas"]["DeviceKindEnum"] | components["schemas"]["BlankEnum"];
            readonly follow_up_days: number | null;
            /**
             * @description Blank: no deposit
             *
             *     * `` - No deposit
             *     * `fixed` - Fixed amount
             *     * `percent` - Percent of the price
             */
            readonly deposit_kind: components["schemas"]["DepositKindEnum"] | components["schemas"]["BlankEnum"];
            /** Format: decimal */
            readonly deposit_value: string;
            /**
             * Format: decimal
             * @description The deposit a booking asks for (zero: none)
             */
            readonly deposit_amount: string;
            readonly is_active: boolean;
            readonly materials: components["schemas"]["ServiceMaterial"][];
            /** Format: date-time */
            readonly created_at: string;
        };
        /**
         * @description * `consultation` - Consultation
         *     * `neurotoxin` - Botulinum toxin
         *     * `filler` - Dermal filler
         *     * `biostimulator` - Biostimulator
         *     * `laser` - Laser
         *     * `energy` - Radiofrequency / ultrasound
         *     * `peel` - Chemical peel
         *     * `skin` - Skin treatment
         * @enum {string}
         */
        ServiceCategoryEnum: "consultation" | "neurotoxin" | "filler" | "biostimulator" | "laser" | "energy" | "peel" | "skin";
        ServiceInputRequest: {
            name: string;
            category: components["schemas"]["ServiceCategoryEnum"];
            description?: string;
            unit?: components["schemas"]["ServiceUnitEnum"];
            /**
             * Format: decimal
             * @description Decimal string, clinic currency
             */
            price: string;
            duration_minutes: number;
            buffer_minutes?: number;
            requires_consent?: boolean;
            /** @description Contraindication codes; duplicates are dropped */
            contraindications?: components["schemas"]["ContraindicationEnum"][];
            /**
             * @description Blank: no device needed
             *
             *     * `laser` - Laser
             *     * `ipl` - IPL
             *     * `hifu` - HIFU
             *     * `rf_microneedling` - RF microneedling
             *     * `radiofrequency` - Radiofrequency
             *     * `cryolipolysis` - Cryolipolysis
             *     * `other` - Other device
             */
            device_kind?: components["schemas"]["DeviceKindEnum"] | components["schemas"]["BlankEnum"];
            /** @description Days to the next session */
            follow_up_days?: number | null;
            /**
             * @description Blank: no deposit
             *
             *     * `` - No deposit
             *     * `fixed` - Fixed amount
             *     * `percent` - Percent of the price
             */
            deposit_kind?: components["schemas"]["DepositKindEnum"] | components["schemas"]["BlankEnum"];
            /**
             * Format: decimal
             * @description Fixed: amount in the clinic currency, at most the price; percent: 0-100 of the price
             */
            deposit_value?: string;
            /** @description What one unit of the service consumes */
            materials?: components["schemas"]["MaterialInputRequest"][];
        };
        ServiceMaterial: {
            /** Format: uuid */
            product: string;
            /** Format: decimal */
            quantity: string;
        };
        /**
         * @description * `session` - per session
         *     * `unit` - per toxin unit
         *     * `ml` - per ml
         *     * `area` - per area
         * @enum {string}
         */
        ServiceUnitEnum: "session" | "unit" | "ml" | "area";
        /** @description A session with the products used (one row per stock lot). */
        Session: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly visit_id: string;
            /** Format: uuid */
            readonly patient_id: string;
            /** Format: uuid */
            readonly service_id: string;
            readonly service_name: string;
            readonly practitioner_ids: string[];
            readonly status: components["schemas"]["TreatmentSessionStatusEnum"];
            /** Format: date-time */
            readonly started_at: string | null;
            /** Format: date-time */
            readonly completed_at: string | null;
            /** Format: uuid */
            readonly consent_signature_id: string | null;
            readonly skip_reason: string;
            readonly products: components["schemas"]["SessionProduct"][];
            /** Format: date-time */
            readonly created_at: string;
        };
        SessionBrief: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly service_id: string;
            readonly service_name: string;
            readonly status: components["schemas"]["TreatmentSessionStatusEnum"];
        };
        SessionCancelRequest: {
            /** @description Why the session is skipped */
            reason: string;
        };
        SessionCreateRequest: {
            /** Format: uuid */
            visit_id: string;
            /** Format: uuid */
            service_id: string;
            practitioner_ids: string[];
            /**
             * Format: uuid
             * @description The plan step this session performs
             */
            planned_item_id?: string;
        };
        SessionProduct: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly product_id: string;
            readonly product_name: string;
            /** Format: uuid */
            readonly lot_id: string;
            readonly lot_number: string;
            /** Format: date */
            readonly expiry_date: string;
            readonly registration_number: string;
            /** Format: decimal */
            readonly quantity: string;
            readonly unit: string;
            /** Format: uuid */
            readonly recorded_by_id: string;
            /** Format: date-time */
            readonly created_at: string;
        };
        SessionStartRequest: {
            /** @description The codes of the contraindication alerts the practitioner acknowledged */
            acknowledged_alerts?: components["schemas"]["ContraindicationEnum"][];
        };
        SettleResult: {
            adjustments: components["schemas"]["CommissionLog"][];
        };
        /**
         * @description * `mild` - Mild
         *     * `moderate` - Moderate
         *     * `severe` - Severe (anaphylaxis)
         *     * `unknown` - Unknown
         * @enum {string}
         */
        SeverityEnum: "mild" | "moderate" | "severe" | "unknown";
        /**
         * @description * `female` - Female
         *     * `male` - Male
         *     * `other` - Other
         *     * `unknown` - Unknown
         * @enum {string}
         */
        SexEnum: "female" | "male" | "other" | "unknown";
        SignupRequest: {
            organization_name: string;
            clinic: components["schemas"]["ClinicInputRequest"];
            owner: components["schemas"]["OwnerRequest"];
        };
        SignupResponse: {
            /** @description JWT access token; send as `Authorization: Bearer` */
            access: string;
            /** Format: date-time */
            access_expires_at: string;
            user: components["schemas"]["User"];
            two_factor: components["schemas"]["TwoFactorState"];
            /** Format: uuid */
            organization_id: string;
            clinic: components["schemas"]["Clinic"];
        };
        Slot: {
            /** Format: uuid */
            practitioner_id: string;
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
        };
        /**
         * @description * `staff` - Front desk
         *     * `portal` - Patient portal
         * @enum {string}
         */
        SourceEnum: "staff" | "portal";
        Staff: {
            /** Format: uuid */
            readonly id: string;
            readonly user: components["schemas"]["User"];
            readonly role: components["schemas"]["RoleEnum"];
            readonly is_active: boolean;
            /** Format: date-time */
            readonly created_at: string;
        };
        StaffSchedule: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            practitioner_id: string;
            /**
             * Format: int64
             * @description 0 = Monday … 6 = Sunday
             */
            weekday: number;
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            start_time: string;
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            end_time: string;
        };
        StaffScheduleRequest: {
            /** Format: uuid */
            practitioner_id: string;
            /**
             * Format: int64
             * @description 0 = Monday … 6 = Sunday
             */
            weekday: number;
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            start_time: string;
            /**
             * @description Wall-clock time in the clinic's time zone (no offset)
             * @example 09:00
             */
            end_time: string;
        };
        Statement: {
            /** Format: uuid */
            practitioner_id: string;
            /** Format: date */
            period: string;
            currency: string | null;
            lines: components["schemas"]["StatementLine"][];
            adjustments: components["schemas"]["StatementLine"][];
            /** Format: decimal */
            commission_total: string;
            /**
             * Format: decimal
             * @description Reversed by refunds and voids (negative)
             */
            reversal_total: string;
            /** Format: decimal */
            adjustment_total: string;
            /**
             * Format: decimal
             * @description Commission after reversals and adjustments
             */
            total: string;
            /**
             * Format: decimal
             * @description Earned on the revenue paid so far
             */
            earned_total: string;
            /**
             * Format: decimal
             * @description To be earned when the rest is paid
             */
            pending_total: string;
        };
        StatementLine: {
            /** Format: uuid */
            readonly id: string;
            readonly kind: components["schemas"]["CommissionLogKindEnum"];
            readonly status: components["schemas"]["CommissionLogStatusEnum"];
            /** Format: uuid */
            readonly sale: string | null;
            readonly sale_number: string;
            /** Format: uuid */
            readonly sale_line: string | null;
            readonly line_description: string;
            /** Format: uuid */
            readonly refund: string | null;
            /** Format: uuid */
            readonly practitioner: string;
            readonly practitioner_name: string;
            /** Format: uuid */
            readonly rule: string;
            readonly rule_version: number;
            /** Format: decimal */
            readonly share: string;
            /** Format: decimal */
            readonly basis_amount: string;
            /**
             * Format: decimal
             * @description Percent, or amount per unit (see rate_type)
             */
            readonly rate: string;
            /** @description How ``rate`` reads: the rule's terms at the log */
            readonly rate_type: components["schemas"]["RateTypeEnum"];
            /** Format: decimal */
            readonly tier_above: string | null;
            /** Format: decimal */
            readonly amount: string;
            readonly currency: string;
            /** Format: date */
            readonly period: string;
            /** Format: date-time */
            readonly created_at: string;
            /**
             * Format: decimal
             * @description What this log has earned so far: its amount times the paid share of its sale
             */
            readonly earned: string;
            /**
             * Format: date-time
             * @description When it happened: the sale (commission), the refund or void (reversal), the close
             */
            readonly occurred_at: string;
        };
        /**
         * @description * `receive` - Received
         *     * `consume` - Consumed in treatment
         *     * `adjust` - Adjustment
         *     * `transfer_in` - Transfer in
         *     * `transfer_out` - Transfer out
         *     * `return` - Returned
         *     * `sale` - Sold
         * @enum {string}
         */
        StockMovementKindEnum: "receive" | "consume" | "adjust" | "transfer_in" | "transfer_out" | "return" | "sale";
        /** @description The clinic's tax configuration as the POS needs it to price a cart. */
        TaxSettings: {
            readonly currency: string;
            /** @description ISO 4217 minor-unit exponent (CLDR) */
            readonly currency_digits: number;
            readonly tax_label: string;
            readonly tax_inclusive: boolean;
            /** Format: decimal */
            readonly service_tax_rate: string;
            /** Format: decimal */
            readonly product_tax_rate: string;
            /** Format: decimal */
            readonly course_tax_rate: string;
            readonly walk_in_retail: boolean;
            /** @description The methods the clinic accepts, in the order the till offers them */
            readonly payment_methods: components["schemas"]["TillMethodEnum"][];
        };
        /**
         * @description * `face_front` - Face, frontal
         *     * `face_left` - Face, left profile
         *     * `face_right` - Face, right profile
         * @enum {string}
         */
        TemplateEnum: "face_front" | "face_left" | "face_right";
        Tier: {
            /**
             * Format: decimal
             * @description Period sales above which the tier applies
             */
            above: string;
            /**
             * Format: decimal
             * @description Percent, or amount per unit in the clinic currency
             */
            value: string;
        };
        /**
         * @description * `whole_period` - Reached tier applies to the whole line
         *     * `marginal` - Each slice at its own tier
         * @enum {string}
         */
        TierModeEnum: "whole_period" | "marginal";
        /**
         * @description * `month` - Calendar month
         *     * `quarter` - Calendar quarter
         * @enum {string}
         */
        TierPeriodEnum: "month" | "quarter";
        TierRequest: {
            /**
             * Format: decimal
             * @description Period sales above which the tier applies
             */
            above: string;
            /**
             * Format: decimal
             * @description Percent, or amount per unit in the clinic currency
             */
            value: string;
        };
        /**
         * @description * `cash` - Cash
         *     * `card` - Card
         *     * `bank_transfer` - Bank transfer
         *     * `promptpay` - PromptPay
         *     * `pix` - Pix
         * @enum {string}
         */
        TillMethodEnum: "cash" | "card" | "bank_transfer" | "promptpay" | "pix";
        TimeOff: {
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            /** @description Shown to roles that book; else empty */
            reason: string;
        };
        /**
         * @description A page of the timeline, newest first: ``count`` items after the filters,
         *     ``results`` this page; ``balance_due`` (decimal string in ``currency``) is the sum
         *     owed on the patient's issued invoices, ``null`` for roles that do not see invoices.
         */
        Timeline: {
            count: number;
            page: number;
            page_size: number;
            results: components["schemas"]["TimelineItem"][];
            /** Format: decimal */
            balance_due: string | null;
            currency: string;
        };
        /**
         * @description One item. ``at`` is the instant (UTC) the item is placed at. By ``kind``:
         *     ``appointment`` (status, service, practitioner), ``visit`` (status, services of its
         *     sessions), ``session`` (clinical roles only; status, service, practitioners),
         *     ``invoice`` (status, number; ``total``/``balance_due``/``currency`` only for roles
         *     that see invoices, else ``null``/``""``), ``consent`` (``status`` is the decision,
         *     purpose, channel, ``practitioner_name`` who recorded it).
         */
        TimelineItem: {
            kind: components["schemas"]["TimelineItemKindEnum"];
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            status: string;
            service_names: string[];
            practitioner_name: string;
            invoice_number: string;
            /** Format: decimal */
            total: string | null;
            /** Format: decimal */
            balance_due: string | null;
            currency: string;
            purpose: string;
            channel: string;
        };
        /**
         * @description * `appointment` - Appointment
         *     * `visit` - Visit
         *     * `session` - Treatment session
         *     * `invoice` - Invoice
         *     * `consent` - Consent decision
         * @enum {string}
         */
        TimelineItemKindEnum: "appointment" | "visit" | "session" | "invoice" | "consent";
        TokenResponse: {
            /** @description JWT access token; send as `Authorization: Bearer` */
            access: string;
            /** Format: date-time */
            access_expires_at: string;
            user: components["schemas"]["User"];
            two_factor: components["schemas"]["TwoFactorState"];
        };
        TotpConfirmRequest: {
            code: string;
        };
        TotpEnrollment: {
            /** @description otpauth:// URL to show as a QR code */
            config_url: string;
            /** @description Base32 secret for manual entry */
            secret: string;
        };
        TransferInputRequest: {
            /** Format: decimal */
            quantity: string;
            /** Format: uuid */
            to_clinic_id: string;
            /** Format: uuid */
            to_product_id: string;
        };
        /**
         * @description * `draft` - Draft
         *     * `active` - Active
         *     * `completed` - Completed
         *     * `cancelled` - Cancelled
         * @enum {string}
         */
        TreatmentPlanStatusEnum: "draft" | "active" | "completed" | "cancelled";
        /**
         * @description * `planned` - Planned
         *     * `in_progress` - In progress
         *     * `completed` - Completed
         *     * `cancelled` - Cancelled
         * @enum {string}
         */
        TreatmentSessionStatusEnum: "planned" | "in_progress" | "completed" | "cancelled";
        TrialBalance: {
            currency: string;
            accounts: components["schemas"]["AccountTotal"][];
            /** Format: decimal */
            total_debit: string;
            /** Format: decimal */
            total_credit: string;
            /**
             * Format: decimal
             * @description Always 0.00
             */
            total_balance: string;
        };
        TwoFactorState: {
            required: boolean;
            enrolled: boolean;
            verified: boolean;
        };
        UploadToken: {
            /** Format: uuid */
            upload_id: string;
            key: string;
            /** @description POST the form here (multipart/form-data) */
            url: string;
            /** @description Form fields, then `file` last */
            fields: {
                [key: string]: string;
            };
            /** Format: date-time */
            expires_at: string;
            max_bytes: number;
        };
        /**
         * @description * `clinical` - Clinical record only
         *     * `marketing` - May be used in marketing
         * @enum {string}
         */
        UsageEnum: "clinical" | "marketing";
        User: {
            /** Format: uuid */
            readonly id: string;
            /** Mobile number (E.164) */
            readonly phone: string;
            /** @description E-mail address, or empty */
            readonly email: string;
            readonly given_name: string;
            readonly family_name: string;
            readonly full_name: string;
            readonly national_id: string;
            readonly national_id_country: string;
            readonly preferred_language: string;
            /** Format: date-time */
            readonly date_joined: string;
        };
        /** @description Schedule-level facts of a visit: who, when, which services, which state. */
        Visit: {
            /** Format: uuid */
            readonly id: string;
            /** Format: uuid */
            readonly patient_id: string;
            readonly chart_number: string;
            /** Format: uuid */
            readonly appointment_id: string | null;
            readonly kind: components["schemas"]["VisitKindEnum"];
            readonly status: components["schemas"]["VisitStatusEnum"];
            /** Format: date-time */
            readonly opened_at: string;
            /** Format: date-time */
            readonly closed_at: string | null;
            readonly sessions: components["schemas"]["SessionBrief"][];
        };
        /**
         * @description * `appointment` - Booked appointment
         *     * `walk_in` - Walk-in
         * @enum {string}
         */
        VisitKindEnum: "appointment" | "walk_in";
        VisitOpenRequest: {
            /**
             * Format: uuid
             * @description A walk-in patient
             */
            patient_id?: string;
            /**
             * Format: uuid
             * @description The appointment the patient came for
             */
            appointment_id?: string;
        };
        /**
         * @description * `open` - Open
         *     * `completed` - Completed
         *     * `cancelled` - Cancelled
         * @enum {string}
         */
        VisitStatusEnum: "open" | "completed" | "cancelled";
        VoidInputRequest: {
            reason: string;
        };
        /** @description RFC 9457 problem details. */
        ProblemDetails: {
            /** @example urn:aesthetix:problem:validation_error */
            type: string;
            title: string;
            status: number;
            detail: string;
            /** @description Stable machine-readable error code */
            code: string;
            instance?: string;
            request_id?: string;
            errors?: {
                field: string;
                /** @description JSON pointer into the request body */
                pointer: string;
                detail: string;
            }[];
        };
        /** @description The ``appointment.cancelled`` event as the clinic's socket and Kafka carry it. */
        AppointmentCancelledEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "appointment.cancelled";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["AppointmentEventData"];
        };
        /** @description The ``appointment.created`` event as the clinic's socket and Kafka carry it. */
        AppointmentCreatedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "appointment.created";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["AppointmentEventData"];
        };
        /** @description The ``appointment.updated`` event as the clinic's socket and Kafka carry it. */
        AppointmentUpdatedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "appointment.updated";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["AppointmentEventData"];
        };
        /** @description The ``com.aesthetix.course_balance.deducted`` event as the clinic's socket and Kafka carry it. */
        CourseBalanceDeductedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "com.aesthetix.course_balance.deducted";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["CourseBalanceDeductedEventData"];
        };
        /** @description The ``com.aesthetix.course_balance.expired`` event as the clinic's socket and Kafka carry it. */
        CourseBalanceExpiredEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "com.aesthetix.course_balance.expired";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["CourseBalanceExpiredEventData"];
        };
        /** @description The ``com.aesthetix.course_balance.restored`` event as the clinic's socket and Kafka carry it. */
        CourseBalanceRestoredEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "com.aesthetix.course_balance.restored";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["CourseBalanceRestoredEventData"];
        };
        /** @description The ``com.aesthetix.invoice.drafted`` event as the clinic's socket and Kafka carry it. */
        InvoiceDraftedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "com.aesthetix.invoice.drafted";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["InvoiceDraftedEventData"];
        };
        /** @description The ``com.aesthetix.payment.settled`` event as the clinic's socket and Kafka carry it. */
        PaymentSettledEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "com.aesthetix.payment.settled";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["PaymentSettledEventData"];
        };
        /** @description The ``com.aesthetix.sale.completed`` event as the clinic's socket and Kafka carry it. */
        SaleCompletedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "com.aesthetix.sale.completed";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["SaleCompletedEventData"];
        };
        /** @description The ``commission.calculated`` event as the clinic's socket and Kafka carry it. */
        CommissionCalculatedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "commission.calculated";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["CommissionCalculatedEventData"];
        };
        /** @description The ``membership.created`` event as the clinic's socket and Kafka carry it. */
        MembershipCreatedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "membership.created";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["MembershipCreatedEventData"];
        };
        /** @description The ``membership.updated`` event as the clinic's socket and Kafka carry it. */
        MembershipUpdatedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "membership.updated";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["MembershipUpdatedEventData"];
        };
        /** @description The ``visit.completed`` event as the clinic's socket and Kafka carry it. */
        VisitCompletedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "visit.completed";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["VisitEventData"];
        };
        /** @description The ``visit.opened`` event as the clinic's socket and Kafka carry it. */
        VisitOpenedEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /**
             * Format: uuid
             * @description Unique per event: de-duplicate by it
             */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "visit.opened";
            source: string;
            /** @description What it is about, e.g. appointment/<uuid> */
            subject: string;
            /** Format: date-time */
            time: string;
            /** @enum {string} */
            datacontenttype: "application/json";
            /** @description Order of recording (the outbox key), as a string */
            sequence: string;
            /** Format: uuid */
            clinic: string;
            /**
             * Format: uuid
             * @description The same as clinic (older Kafka consumers read it)
             */
            clinicid: string;
            data: components["schemas"]["VisitEventData"];
        };
        /** @description What the calendar needs to know that it must refresh, and where. */
        AppointmentEventData: {
            /** Format: uuid */
            id: string;
            /**
             * @description * `booked` - Booked
             *     * `confirmed` - Confirmed
             *     * `arrived` - Arrived
             *     * `in_progress` - In progress
             *     * `completed` - Completed
             *     * `cancelled` - Cancelled
             *     * `no_show` - No-show
             * @enum {string}
             */
            status: "booked" | "confirmed" | "arrived" | "in_progress" | "completed" | "cancelled" | "no_show";
            /** Format: date-time */
            starts_at: string;
            /** Format: date-time */
            ends_at: string;
            /** Format: uuid */
            practitioner_id: string;
            /** Format: uuid */
            room_id: string | null;
        };
        /**
         * @description The news of ``GET /commerce/sales/<id>/commission-status/`` once the worker is
         *     done (``done``, or ``failed`` with no lines written): a role that reads only its own
         *     commission logs gets only its lines and their ``total`` (``core.realtime``).
         */
        CommissionCalculatedEventData: {
            /** Format: uuid */
            sale_id: string;
            /**
             * @description * `pending` - Pending
             *     * `done` - Done
             *     * `failed` - Failed
             * @enum {string}
             */
            status: "pending" | "done" | "failed";
            /** Format: decimal */
            total: string;
            currency: string;
            lines: components["schemas"]["CommissionEventLine"][];
        };
        /** @description One commission or reversal log of the sale, as the POS's badge lists it. */
        CommissionEventLine: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sale_line_id: string | null;
            line_description: string | null;
            /** Format: uuid */
            practitioner_id: string;
            practitioner_name: string;
            /**
             * @description * `commission` - Commission
             *     * `reversal` - Reversal
             *     * `adjustment` - Period adjustment
             * @enum {string}
             */
            kind: "commission" | "reversal" | "adjustment";
            /** Format: decimal */
            amount: string;
        };
        /** @description ``recognized_amount``: the revenue the session recognised (deferred → earned). */
        CourseBalanceDeductedEventData: {
            /** Format: uuid */
            course_balance_id: string;
            /** Format: uuid */
            redemption_id: string;
            /** Format: uuid */
            patient_id: string;
            /** Format: uuid */
            course_id: string;
            /** Format: uuid */
            service_id: string;
            sessions_remaining: number;
            reference_type: string;
            reference_id: string | null;
            /** Format: decimal */
            recognized_amount: string;
            currency: string;
        };
        CourseBalanceExpiredEventData: {
            /** Format: uuid */
            course_balance_id: string;
            /** Format: uuid */
            patient_id: string;
            /** Format: uuid */
            course_id: string;
            sessions_unused: number;
        };
        CourseBalanceRestoredEventData: {
            /** Format: uuid */
            course_balance_id: string;
            /** Format: uuid */
            redemption_id: string;
            /** Format: uuid */
            patient_id: string;
            sessions_remaining: number;
        };
        /** @description A draft invoice of a completed visit is waiting at the till (*To collect*). */
        InvoiceDraftedEventData: {
            /** Format: uuid */
            invoice_id: string;
            /** Format: uuid */
            patient_id: string;
            /** Format: decimal */
            total: string;
            currency: string;
            reference_type: string;
            /** Format: uuid */
            reference_id: string;
        };
        MembershipCreatedEventData: {
            /** Format: uuid */
            id: string;
            /**
             * @description * `owner` - Owner
             *     * `admin` - Administrator
             *     * `doctor` - Doctor
             *     * `nurse` - Nurse
             *     * `therapist` - Therapist
             *     * `receptionist` - Receptionist
             *     * `cashier` - Cashier
             *     * `accountant` - Accountant
             *     * `assistant` - Assistant
             * @enum {string}
             */
            role: "owner" | "admin" | "doctor" | "nurse" | "therapist" | "receptionist" | "cashier" | "accountant" | "assistant";
        };
        MembershipUpdatedEventData: {
            /** Format: uuid */
            id: string;
            /**
             * @description * `owner` - Owner
             *     * `admin` - Administrator
             *     * `doctor` - Doctor
             *     * `nurse` - Nurse
             *     * `therapist` - Therapist
             *     * `receptionist` - Receptionist
             *     * `cashier` - Cashier
             *     * `accountant` - Accountant
             *     * `assistant` - Assistant
             * @enum {string}
             */
            role: "owner" | "admin" | "doctor" | "nurse" | "therapist" | "receptionist" | "cashier" | "accountant" | "assistant";
            is_active: boolean;
        };
        /**
         * @description A pending card payment settled: ``status`` ``succeeded`` (the invoice's paid total
         *     and balance include it) or ``failed`` (``failure_code`` says why: ``declined`` or
         *     ``provider_refused``). ``invoice_status``/``balance_due``: the invoice after it.
         */
        PaymentSettledEventData: {
            /** Format: uuid */
            payment_id: string;
            /** Format: uuid */
            invoice_id: string;
            /** Format: uuid */
            sale_id: string | null;
            /**
             * @description * `succeeded` - succeeded
             *     * `failed` - failed
             * @enum {string}
             */
            status: "succeeded" | "failed";
            failure_code: string;
            /** Format: decimal */
            amount: string;
            currency: string;
            invoice_status: string;
            /** Format: decimal */
            balance_due: string;
        };
        SaleCompletedEventData: {
            /** Format: uuid */
            sale_id: string;
            number: string;
            /** Format: uuid */
            patient_id: string | null;
            /** Format: decimal */
            total: string;
            currency: string;
        };
        /** @description Schedule-level facts only: the live front desk shows who is in and who is done. */
        VisitEventData: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            patient_id: string;
            /** Format: uuid */
            appointment_id: string | null;
            /**
             * @description * `open` - Open
             *     * `completed` - Completed
             *     * `cancelled` - Cancelled
             * @enum {string}
             */
            status: "open" | "completed" | "cancelled";
        };
        /** @description A live event of the clinic (WebSocket /ws/clinic/), one of the types. */
        RealtimeEvent: components["schemas"]["AppointmentCancelledEvent"] | components["schemas"]["AppointmentCreatedEvent"] | components["schemas"]["AppointmentUpdatedEvent"] | components["schemas"]["CourseBalanceDeductedEvent"] | components["schemas"]["CourseBalanceExpiredEvent"] | components["schemas"]["CourseBalanceRestoredEvent"] | components["schemas"]["InvoiceDraftedEvent"] | components["schemas"]["PaymentSettledEvent"] | components["schemas"]["SaleCompletedEvent"] | components["schemas"]["CommissionCalculatedEvent"] | components["schemas"]["MembershipCreatedEvent"] | components["schemas"]["MembershipUpdatedEvent"] | components["schemas"]["VisitCompletedEvent"] | components["schemas"]["VisitOpenedEvent"];
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    auth_2fa_totp_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrollment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_2fa_totp_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpConfirmRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_logout_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_password_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_password_reset_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequestRequest"];
            };
        };
        responses: {
            /** @description No response body */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_password_reset_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmRequest"];
            };
        };
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_signup_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignupResponse"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_token_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    auth_token_refresh_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_list: {
        parameters: {
            query?: {
                /** @description … and before (e.g. a day or a week) */
                end?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                practitioner?: string;
                room?: string;
                /** @description Appointments starting at or after */
                start?: string;
                status?: "arrived" | "booked" | "cancelled" | "completed" | "confirmed" | "in_progress" | "no_show";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAppointmentList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentBookRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedAppointmentRescheduleRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_arrive_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_cancel_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentCancelRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_complete_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_deposit_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentDeposit"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_deposit_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AppointmentDepositTakeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppointmentDeposit"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_no_show_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_start_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this appointment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Appointment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_availability_list: {
        parameters: {
            query: {
                /** @description Local date of the clinic */
                date_from: string;
                /** @description Local date of the clinic, at most 31 days after date_from */
                date_to: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                practitioner?: string;
                service: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Slot"][];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_availability_day_retrieve: {
        parameters: {
            query: {
                /** @description Local date of the clinic */
                date: string;
                practitioner?: string;
                service: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DayAvailability"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_appointments_range_retrieve: {
        parameters: {
            query: {
                /** @description First local day of the clinic */
                date_from: string;
                /** @description Last local day (inclusive), at most 41 days after date_from */
                date_to: string;
                /** @description Repeat for each practitioner shown; none: all of the clinic's practitioners */
                practitioner?: string[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarRange"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_my_feed_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedLink"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_rooms_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRoomList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_rooms_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoomRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Room"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_rooms_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this room. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Room"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedule_exceptions_list: {
        parameters: {
            query?: {
                date?: string;
                /**
                 * @description * `time_off` - Time off
                 *     * `extra` - Extra hours
                 */
                kind?: "extra" | "time_off";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                practitioner?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedScheduleExceptionList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedule_exceptions_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScheduleExceptionRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleException"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedule_exceptions_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this schedule exception. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleException"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedule_exceptions_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this schedule exception. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedules_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                practitioner?: string;
                weekday?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedStaffScheduleList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedules_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffScheduleRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffSchedule"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedules_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this staff schedule. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffSchedule"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    calendar_schedules_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this staff schedule. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_courses_list: {
        parameters: {
            query?: {
                is_active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCourseList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_courses_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CourseInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Course"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_courses_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this course. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Course"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_products_list: {
        parameters: {
            query?: {
                is_active?: boolean;
                /**
                 * @description * `retail` - Retail product
                 *     * `medical_supply` - Medical supply
                 */
                kind?: "medical_supply" | "retail";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedProductList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_products_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_products_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this product. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_products_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this product. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedProductUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_services_list: {
        parameters: {
            query?: {
                /**
                 * @description * `consultation` - Consultation
                 *     * `neurotoxin` - Botulinum toxin
                 *     * `filler` - Dermal filler
                 *     * `biostimulator` - Biostimulator
                 *     * `laser` - Laser
                 *     * `energy` - Radiofrequency / ultrasound
                 *     * `peel` - Chemical peel
                 *     * `skin` - Skin treatment
                 */
                category?: "biostimulator" | "consultation" | "energy" | "filler" | "laser" | "neurotoxin" | "peel" | "skin";
                is_active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedServiceList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_services_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_services_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this service. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    catalog_services_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this service. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedServiceUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_charts_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Chart"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_confirm_upload_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmUploadRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Photo"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Photo"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_consent_forms_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedConsentSignatureList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_consent_forms_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentSignInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentSignature"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_consent_forms_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this consent form signature. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentSignature"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_consent_templates_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                service?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedConsentTemplateList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_consent_templates_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentTemplateInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentTemplate"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_consent_templates_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this consent form template. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentTemplate"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_face_charts_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                session?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedFaceChartList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_face_charts_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FaceChartInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaceChart"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_face_charts_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this face chart. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaceChart"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_notes_list: {
        parameters: {
            query?: {
                current?: "false" | "true";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
                visit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedNoteList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_notes_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_notes_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinical note. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_notes_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinical note. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedSoapRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_notes_amend_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinical note. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NoteAmendRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_notes_sign_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinical note. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Note"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_photos_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
                session?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPhotoList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_photos_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this photo. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Photo"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_plans_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPlanList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_plans_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlanCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_plans_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment plan. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_plans_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment plan. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPlanUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Plan"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
                visit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedSessionList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment session. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_cancel_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment session. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionCancelRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_complete_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment session. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_gallery_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment session. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Gallery"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_products_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment session. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductsUsedRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_sessions_start_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this treatment session. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["SessionStartRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_upload_token_retrieve: {
        parameters: {
            query: {
                /**
                 * @description * `front` - Frontal
                 *     * `left_oblique` - Left oblique (45°)
                 *     * `right_oblique` - Right oblique (45°)
                 *     * `left_lateral` - Left profile (90°)
                 *     * `right_lateral` - Right profile (90°)
                 *     * `other` - Other
                 */
                angle: "front" | "left_oblique" | "right_oblique" | "left_lateral" | "right_lateral" | "other";
                /**
                 * @description * `image/heic` - image/heic
                 *     * `image/jpeg` - image/jpeg
                 *     * `image/png` - image/png
                 *     * `image/webp` - image/webp
                 */
                content_type: "image/heic" | "image/jpeg" | "image/png" | "image/webp";
                /**
                 * @description * `before` - Before
                 *     * `after` - After
                 *     * `progress` - Progress
                 */
                kind: "before" | "after" | "progress";
                session: string;
                /** @description Bytes the browser will upload */
                size: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UploadToken"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_visits_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
                status?: "cancelled" | "completed" | "open";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedVisitList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_visits_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["VisitOpenRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_visits_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this visit. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinic_visits_complete_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this visit. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Visit"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinics_list: {
        parameters: {
            query?: {
                country?: string;
                is_active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedClinicList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinics_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClinicInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinics_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinics_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedClinicUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinics_me_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    clinics_me_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedClinicUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Clinic"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_course_balances_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
                /**
                 * @description * `active` - Active
                 *     * `used_up` - Used up
                 *     * `expired` - Expired
                 *     * `void` - Void
                 *     * `refunded` - Refunded
                 */
                status?: "active" | "expired" | "refunded" | "used_up" | "void";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCourseBalanceList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_course_balances_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this course balance. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseBalance"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_course_balances_redeem_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this course balance. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Redemption"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_course_redemptions_list: {
        parameters: {
            query?: {
                /** @description Course balance id */
                balance?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description Chart (clinic patient) id */
                patient?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedRedemptionList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_course_redemptions_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this course redemption. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Redemption"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_course_redemptions_undo_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this course redemption. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Redemption"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoice_links_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoices_list: {
        parameters: {
            query?: {
                /** @description From this clinic-local date, included */
                date_after?: unknown;
                /** @description Until this clinic-local date, included */
                date_before?: unknown;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description Chart (clinic patient) id */
                patient?: string;
                /** @description User id of a practitioner of an item or credited on a line */
                practitioner?: unknown;
                /**
                 * @description * `draft` - Draft
                 *     * `sent` - Sent
                 *     * `partially_paid` - Partially paid
                 *     * `paid` - Paid
                 *     * `overdue` - Overdue
                 *     * `void` - Void
                 */
                status?: "draft" | "overdue" | "paid" | "partially_paid" | "sent" | "void";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedInvoiceList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoices_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this invoice. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invoice"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoices_collect_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this invoice. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CollectOutput"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoices_payments_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this invoice. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRecordInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoices_pdf_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this invoice. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoices_send_create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description A UUID string identifying this invoice. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["InvoiceSendInputRequest"];
            };
        };
        responses: {
            /** @description A retry: the first send */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceSend"];
                };
            };
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvoiceSend"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_invoices_to_collect_list: {
        parameters: {
            query?: {
                /** @description From this clinic-local date, included */
                date_after?: unknown;
                /** @description Until this clinic-local date, included */
                date_before?: unknown;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description Chart (clinic patient) id */
                patient?: string;
                /** @description User id of a practitioner of an item or credited on a line */
                practitioner?: unknown;
                /**
                 * @description * `draft` - Draft
                 *     * `sent` - Sent
                 *     * `partially_paid` - Partially paid
                 *     * `paid` - Paid
                 *     * `overdue` - Overdue
                 *     * `void` - Void
                 */
                status?: "draft" | "overdue" | "paid" | "partially_paid" | "sent" | "void";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedDraftToCollectList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_payments_list: {
        parameters: {
            query?: {
                invoice?: string;
                /**
                 * @description * `cash` - Cash
                 *     * `card` - Card
                 *     * `bank_transfer` - Bank transfer
                 *     * `promptpay` - PromptPay
                 *     * `pix` - Pix
                 *     * `deposit` - Deposit applied
                 */
                method?: "bank_transfer" | "card" | "cash" | "deposit" | "pix" | "promptpay";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `pending` - Pending
                 *     * `succeeded` - Succeeded
                 *     * `failed` - Failed
                 *     * `refunded` - Refunded
                 */
                status?: "failed" | "pending" | "refunded" | "succeeded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPaymentList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_payments_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this payment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payment"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_payments_qr_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentQrInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentQr"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_payments_settings_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentSettings"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_payments_settings_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPaymentSettingsInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentSettings"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_payments_webhook_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentWebhookInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentWebhook"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
                /**
                 * @description * `completed` - Completed
                 *     * `partially_refunded` - Partially refunded
                 *     * `refunded` - Refunded
                 *     * `void` - Void
                 */
                status?: "completed" | "partially_refunded" | "refunded" | "void";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedSaleList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this sale. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sale"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_commission_status_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this sale. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionStatus"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_refund_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this sale. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefundOutput"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_void_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this sale. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VoidInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sale"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_checkout_create: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutInputRequest"];
            };
        };
        responses: {
            /** @description A retry: the first sale */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sale"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Sale"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_quote_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commerce_sales_tax_settings_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaxSettings"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_logs_list: {
        parameters: {
            query?: {
                /**
                 * @description * `commission` - Commission
                 *     * `reversal` - Reversal
                 *     * `adjustment` - Period adjustment
                 */
                kind?: "adjustment" | "commission" | "reversal";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                period?: string;
                /** @description User id of the practitioner */
                practitioner?: string;
                sale?: string;
                /**
                 * @description * `accrued` - Accrued
                 *     * `settled` - Settled at period close
                 */
                status?: "accrued" | "settled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCommissionLogList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_logs_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this commission log. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionLog"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_logs_settle_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PeriodQueryRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettleResult"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_logs_statement_retrieve: {
        parameters: {
            query: {
                /** @description First day of the period (YYYY-MM-01, or a quarter's first day) */
                period: string;
                /** @description Default: the caller (statement), everyone (settle) */
                practitioner?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statement"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_logs_statement_csv_retrieve: {
        parameters: {
            query: {
                /** @description First day of the period (YYYY-MM-01, or a quarter's first day) */
                period: string;
                /** @description Default: the caller (statement), everyone (settle) */
                practitioner?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_rules_list: {
        parameters: {
            query?: {
                is_active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `percentage` - Percentage of the net amount
                 *     * `fixed_per_unit` - Fixed amount per unit
                 */
                rate_type?: "fixed_per_unit" | "percentage";
                /**
                 * @description * `service` - Service
                 *     * `service_category` - Service category
                 *     * `product` - Product
                 *     * `course` - Course
                 */
                scope?: "course" | "product" | "service" | "service_category";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedCommissionRuleList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_rules_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CommissionRuleInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionRule"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_rules_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this commission rule. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionRule"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    commissions_rules_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this commission rule. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedCommissionRuleUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommissionRule"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    compliance_audit_events_list: {
        parameters: {
            query?: {
                /** @description Exact action, e.g. patient.viewed. */
                action?: string;
                /** @description User id of the actor. */
                actor?: string;
                object_id?: string;
                /** @description e.g. "patients.ClinicPatient". */
                object_type?: string;
                /** @description From this instant (ISO 8601), inclusive. */
                occurred_at_after?: string;
                /** @description Until this instant (ISO 8601), exclusive. */
                occurred_at_before?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAuditEventList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    compliance_audit_events_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this audit event. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEvent"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    compliance_data_subject_requests_list: {
        parameters: {
            query?: {
                /**
                 * @description * `export` - Copy of my data
                 *     * `erasure` - Erasure
                 *     * `rectification` - Rectification
                 */
                kind?: "erasure" | "export" | "rectification";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `received` - Received
                 *     * `completed` - Completed
                 *     * `rejected` - Rejected
                 */
                status?: "completed" | "received" | "rejected";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedDataSubjectRequestSummaryList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    compliance_data_subject_requests_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DataSubjectRequestInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataSubjectRequest"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    compliance_data_subject_requests_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this data subject request. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataSubjectRequest"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    compliance_data_subject_requests_complete_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this data subject request. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataSubjectRequest"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    compliance_data_subject_requests_reject_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this data subject request. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DataSubjectRequestRejectRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DataSubjectRequest"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    consent_texts_list: {
        parameters: {
            query?: {
                locale?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `treatment` - Treatment
                 *     * `clinical_photos` - Clinical photographs
                 *     * `marketing_photos` - Photographs used in marketing
                 *     * `marketing_messages` - Marketing messages
                 *     * `data_sharing` - Sharing data with other clinics
                 */
                purpose?: "clinical_photos" | "data_sharing" | "marketing_messages" | "marketing_photos" | "treatment";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedConsentTextList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    consent_texts_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentTextInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentText"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    consent_texts_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this consent text. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentText"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    consent_texts_current_list: {
        parameters: {
            query?: {
                /** @description The patient's language; default: the clinic's */
                locale?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /**
                 * @description * `treatment` - Treatment
                 *     * `clinical_photos` - Clinical photographs
                 *     * `marketing_photos` - Photographs used in marketing
                 *     * `marketing_messages` - Marketing messages
                 *     * `data_sharing` - Sharing data with other clinics
                 */
                purpose?: "clinical_photos" | "data_sharing" | "marketing_messages" | "marketing_photos" | "treatment";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentText"][];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_lots_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                product?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedLotList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_lots_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_lots_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this stock lot. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Lot"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_lots_adjust_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this stock lot. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdjustInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_lots_recall_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this stock lot. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Recall"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_lots_transfer_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this stock lot. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferInputRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_low_stock_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedLowStockList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_movements_list: {
        parameters: {
            query?: {
                /**
                 * @description * `receive` - Received
                 *     * `consume` - Consumed in treatment
                 *     * `adjust` - Adjustment
                 *     * `transfer_in` - Transfer in
                 *     * `transfer_out` - Transfer out
                 *     * `return` - Returned
                 *     * `sale` - Sold
                 */
                kind?: "adjust" | "consume" | "receive" | "return" | "sale" | "transfer_in" | "transfer_out";
                lot?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedMovementList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_movements_create: {
        parameters: {
            query?: {
                /**
                 * @description * `receive` - Received
                 *     * `consume` - Consumed in treatment
                 *     * `adjust` - Adjustment
                 *     * `transfer_in` - Transfer in
                 *     * `transfer_out` - Transfer out
                 *     * `return` - Returned
                 *     * `sale` - Sold
                 */
                kind?: "adjust" | "consume" | "receive" | "return" | "sale" | "transfer_in" | "transfer_out";
                lot?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                patient?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsumeInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedMovementList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_movements_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this stock movement. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Movement"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    inventory_near_expiry_list: {
        parameters: {
            query?: {
                /** @description 1 to 730; default 60 */
                days?: number;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedLotList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invites_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedInviteList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invites_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteCreateRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InviteCreated"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invites_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this invite. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invite"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invites_revoke_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this invite. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invite"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description not pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invites_accept_retrieve: {
        parameters: {
            query: {
                /** @description The invite link's token */
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitePreview"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    invites_accept_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InviteAcceptRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipBrief"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ledger_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                reference_type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedJournalEntryList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ledger_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this journal entry. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JournalEntry"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ledger_period_totals_retrieve: {
        parameters: {
            query?: {
                /** @description … and before */
                end?: string;
                /** @description Entries posted at or after (UTC) */
                start?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PeriodTotals"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    ledger_trial_balance_retrieve: {
        parameters: {
            query?: {
                /** @description … and before */
                end?: string;
                /** @description Entries posted at or after (UTC) */
                start?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrialBalance"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    licences_list: {
        parameters: {
            query?: {
                /**
                 * @description * `CRM` - Conselho Regional de Medicina (BR)
                 *     * `COREN` - Conselho Regional de Enfermagem (BR)
                 *     * `TMC` - Medical Council of Thailand
                 *     * `TNMC` - Thailand Nursing and Midwifery Council
                 *     * `SCFHS` - Saudi Commission for Health Specialties
                 */
                council?: "COREN" | "CRM" | "SCFHS" | "TMC" | "TNMC";
                /** @description Only licences whose `valid_until` is at most this many days after the clinic's today (already expired ones included) */
                expiring_within_days?: number;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `pending` - Pending verification
                 *     * `verified` - Verified
                 *     * `rejected` - Rejected
                 */
                status?: "pending" | "rejected" | "verified";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedClinicLicenceList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    licences_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this professional licence. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicLicence"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    licences_verify_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this professional licence. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenceVerifyRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ClinicLicence"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_list: {
        parameters: {
            query?: {
                chart_number?: string;
                /** @description Of the clinic's country, or `CC:number` */
                national_id?: string;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /** @description Any form of the whole number; roles that see phones unmasked may give a part of it */
                phone?: string;
                /** @description Name words; accent- and case-insensitive */
                q?: string;
                sex?: "female" | "male" | "other" | "unknown";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedPatientList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatientRegisterRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPatientUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_access_history_list: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedAccessEventList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_alerts_retrieve: {
        parameters: {
            query: {
                service: string;
            };
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientAlerts"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_consents_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsentState"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_consents_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConsentInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Consent"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_identity_link_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdentityLinkRequest"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_identity_link_confirm_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentityLinkConfirmRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_intake_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeState"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_intake_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["IntakeRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeState"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_timeline_retrieve: {
        parameters: {
            query?: {
                /** @description Clinic-local date, included */
                date_from?: string;
                /** @description Clinic-local date, included */
                date_to?: string;
                /** @description Comma-separated kinds; empty for every kind */
                kind?: string;
                page?: number;
                page_size?: number;
            };
            header?: never;
            path: {
                /** @description A UUID string identifying this clinic patient. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Timeline"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_enrol_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatientEnrolRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Patient"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    patients_matches_create: {
        parameters: {
            query?: {
                /** @description Which field to use when ordering the results. */
                ordering?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatientMatchQueryRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PatientMatch"][];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resources_list: {
        parameters: {
            query?: {
                is_active?: boolean;
                /**
                 * @description * `laser` - Laser
                 *     * `ipl` - IPL
                 *     * `hifu` - HIFU
                 *     * `rf_microneedling` - RF microneedling
                 *     * `radiofrequency` - Radiofrequency
                 *     * `cryolipolysis` - Cryolipolysis
                 *     * `other` - Other device
                 */
                kind?: "cryolipolysis" | "hifu" | "ipl" | "laser" | "other" | "radiofrequency" | "rf_microneedling";
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedResourceList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resources_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResourceInputRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resources_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resources_destroy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description No response body */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    resources_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this resource. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedResourceUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Resource"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    staff_list: {
        parameters: {
            query?: {
                is_active?: boolean;
                /** @description Which field to use when ordering the results. */
                ordering?: string;
                /** @description A page number within the paginated result set. */
                page?: number;
                /** @description Number of results to return per page. */
                page_size?: number;
                /**
                 * @description * `owner` - Owner
                 *     * `admin` - Administrator
                 *     * `doctor` - Doctor
                 *     * `nurse` - Nurse
                 *     * `therapist` - Therapist
                 *     * `receptionist` - Receptionist
                 *     * `cashier` - Cashier
                 *     * `accountant` - Accountant
                 *     * `assistant` - Assistant
                 */
                role?: "accountant" | "admin" | "assistant" | "cashier" | "doctor" | "nurse" | "owner" | "receptionist" | "therapist";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaginatedStaffList"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    staff_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this membership. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    staff_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A UUID string identifying this membership. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedStaffUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Staff"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    users_me_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    users_me_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedMeUpdateRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    users_me_licences_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Licence"][];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    users_me_licences_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LicenceRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Licence"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    users_me_preferences_retrieve: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
    users_me_preferences_partial_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["PatchedPreferencesRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Preferences"];
                };
            };
            /** @description Invalid input: `errors` names each field. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Not signed in, or the token is invalid or revoked. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description The role does not allow this, or two-factor authentication is required. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description No such record in this clinic (another clinic's records answer 404 too). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Method not allowed. */
            405: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Conflicts with the current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Gone (expired, revoked or used). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Unsupported media type: send `application/json`. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
            /** @description Too many requests; see `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDetails"];
                };
            };
        };
    };
}
